using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;
using HubAspire.Mapping.Processing;

namespace HubAspire.Mapping.Entities;

public sealed class SupportTicketsMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.SupportTickets;
    public override EntitySchema Raw => CrmSchema.SupportTickets;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [ReadMonth(), ReadCategory("category"), ReadCategory("priority"), ReadReal("resolution_hours"), ReadInteger("satisfaction_score")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
    {
        var priority = columns.Categorical("priority");
        var cube = Accumulator(columns, Category(columns, "category"), DimensionColumn.Of(priority));
        var hours = columns.Double("resolution_hours");
        var satisfaction = columns.Int64("satisfaction_score");
        var priorityCodes = priority.Codes;
        var priorities = priority.Values;
        var hoursUnits = MeasureOf("resolution_hours");
        var derivedSlaMet = derived?.Int32("sla_met");
        int rows = Slot(Measure.Rows), resolution = Slot("resolution_hours"), slaMet = Slot("sla_met"), score = Slot("satisfaction_score");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[resolution] = hoursUnits.ToUnits(hours[i]);
            m[slaMet] = derivedSlaMet?[i] ?? ToFlag(EntityFeatures.SlaMet(priorities[priorityCodes[i]], hours[i]));
            m[score] = satisfaction[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

    public override IReadOnlyList<Column> Derived { get; } = [Flag("sla_met"), Label("quarter"), Label("month")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var priority = raw.Categorical("priority");
        var priorities = priority.Values;
        var codes = priority.Codes;
        var hours = raw.Double("resolution_hours");
        var slaMet = batch.Int32("sla_met");
        for (var i = 0; i < raw.RowCount; i++)
        {
            slaMet[i] = ToFlag(EntityFeatures.SlaMet(priorities[codes[i]], hours[i]));
        }

        var calendar = Calendar(raw, batch, "created_at");
        calendar.Quarter(batch.String("quarter"));
        calendar.Month(batch.String("month"));
    }
}
