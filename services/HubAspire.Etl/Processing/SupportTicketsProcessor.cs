using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class SupportTicketsProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.SupportTickets;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [Month(), Categorical("category"), Categorical("priority"), Real("resolution_hours"), Integer("satisfaction_score")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
    {
        var priority = columns.Categorical("priority");
        var cube = Accumulator(columns, Category(columns, "category"), DimensionColumn.Of(priority));
        var hours = columns.Double("resolution_hours");
        var satisfaction = columns.Int64("satisfaction_score");
        var priorityCodes = priority.Codes;
        var priorities = priority.Values;
        var hoursUnits = MeasureOf("resolution_hours");
        int rows = Slot(Measure.Rows), resolution = Slot("resolution_hours"), slaMet = Slot("sla_met"), score = Slot("satisfaction_score");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[resolution] = hoursUnits.ToUnits(hours[i]);
            m[slaMet] = EntityFeatures.SlaMet(priorities[priorityCodes[i]], hours[i]) ? 1 : 0;
            m[score] = satisfaction[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }
}
