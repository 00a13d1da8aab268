using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class DealsProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.Deals;

    public override IReadOnlyList<ColumnRequest> Columns =>
    [
        Month(), Categorical("region"), Categorical("industry"), Categorical("stage"), Categorical("pipeline"),
        Real("amount"), Real("probability"), Integer("days_in_pipeline"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
    {
        var stage = columns.Categorical("stage");
        var won = FlagPerLabel(stage, EntityFeatures.IsWon);
        var lost = FlagPerLabel(stage, EntityFeatures.IsLost);
        var cube = Accumulator(columns,
            Category(columns, "region"), Category(columns, "industry"), DimensionColumn.Of(stage), Category(columns, "pipeline"));

        var amounts = columns.Double("amount");
        var probabilities = columns.Double("probability");
        var days = columns.Int64("days_in_pipeline");
        var stageCodes = stage.Codes;
        var (amountUnits, weightedUnits, velocityUnits, probabilityUnits) =
            (MeasureOf("amount"), MeasureOf("weighted_amount"), MeasureOf("velocity_score"), MeasureOf("probability"));
        int rows = Slot(Measure.Rows), amount = Slot("amount"), weighted = Slot("weighted_amount"), wonCount = Slot("won"),
            lostCount = Slot("lost"), wonAmount = Slot("won_amount"), openWeighted = Slot("open_weighted_amount"),
            velocity = Slot("velocity_score"), probability = Slot("probability"), daysInPipeline = Slot("days_in_pipeline");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            var isWon = won[stageCodes[i]];
            var isLost = lost[stageCodes[i]];
            var amountCents = amountUnits.ToUnits(amounts[i]);
            var weightedCents = weightedUnits.ToUnits(EntityFeatures.WeightedAmount(amounts[i], probabilities[i]));
            m[rows] = 1;
            m[amount] = amountCents;
            m[weighted] = weightedCents;
            m[wonCount] = isWon ? 1 : 0;
            m[lostCount] = isLost ? 1 : 0;
            m[wonAmount] = isWon ? amountCents : 0;
            m[openWeighted] = isWon || isLost ? 0 : weightedCents;
            m[velocity] = velocityUnits.ToUnits(EntityFeatures.VelocityScore(probabilities[i], days[i]));
            m[probability] = probabilityUnits.ToUnits(probabilities[i]);
            m[daysInPipeline] = days[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }
}
