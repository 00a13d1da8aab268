using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;
using HubAspire.Mapping.Processing;

namespace HubAspire.Mapping.Entities;

public sealed class DealsMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.Deals;
    public override EntitySchema Raw => CrmSchema.Deals;

    public override IReadOnlyList<ColumnRequest> Columns =>
    [
        ReadMonth(), ReadCategory("region"), ReadCategory("industry"), ReadCategory("stage"), ReadCategory("pipeline"),
        ReadReal("amount"), ReadReal("probability"), ReadInteger("days_in_pipeline"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
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
        var (derivedWeighted, derivedVelocity) = (derived?.Double("weighted_amount"), derived?.Double("velocity_score"));
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
            var weightedCents = weightedUnits.ToUnits(derivedWeighted?[i] ?? EntityFeatures.WeightedAmount(amounts[i], probabilities[i]));
            m[rows] = 1;
            m[amount] = amountCents;
            m[weighted] = weightedCents;
            m[wonCount] = isWon ? 1 : 0;
            m[lostCount] = isLost ? 1 : 0;
            m[wonAmount] = isWon ? amountCents : 0;
            m[openWeighted] = isWon || isLost ? 0 : weightedCents;
            m[velocity] = velocityUnits.ToUnits(derivedVelocity?[i] ?? EntityFeatures.VelocityScore(probabilities[i], days[i]));
            m[probability] = probabilityUnits.ToUnits(probabilities[i]);
            m[daysInPipeline] = days[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

    public override IReadOnlyList<Column> Derived { get; } =
    [
        Label("revenue_bucket"), Real("weighted_amount"), Real("velocity_score"),
        Flag("is_won"), Flag("is_lost"), Flag("is_open"), Label("quarter"), Label("month"),
    ];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var amounts = raw.Double("amount");
        var probabilities = raw.Double("probability");
        var days = raw.Int64("days_in_pipeline");
        var stage = raw.Categorical("stage");
        var (wonLabels, lostLabels) = (FlagPerLabel(stage, EntityFeatures.IsWon), FlagPerLabel(stage, EntityFeatures.IsLost));
        var stages = stage.Codes;
        var (bucket, weighted, velocity) = (batch.String("revenue_bucket"), batch.Double("weighted_amount"), batch.Double("velocity_score"));
        var (won, lost, open) = (batch.Int32("is_won"), batch.Int32("is_lost"), batch.Int32("is_open"));
        for (var i = 0; i < raw.RowCount; i++)
        {
            bucket[i] = EntityFeatures.RevenueBucket(amounts[i]);
            weighted[i] = EntityFeatures.WeightedAmount(amounts[i], probabilities[i]);
            velocity[i] = EntityFeatures.VelocityScore(probabilities[i], days[i]);
            var (isWon, isLost) = (wonLabels[stages[i]], lostLabels[stages[i]]);
            won[i] = ToFlag(isWon);
            lost[i] = ToFlag(isLost);
            open[i] = ToFlag(!isWon && !isLost);
        }

        var calendar = Calendar(raw, batch, "created_at");
        calendar.Quarter(batch.String("quarter"));
        calendar.Month(batch.String("month"));
    }
}
