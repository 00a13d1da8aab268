using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Entities;

public sealed class MarketingEventsMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.MarketingEvents;
    public override EntitySchema Raw => CrmSchema.MarketingEvents;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [ReadMonth(), ReadCategory("channel"), ReadCategory("event_type"), ReadInteger("session_duration_sec"), ReadInteger("page_depth")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
    {
        var cube = Accumulator(columns, Category(columns, "channel"), Category(columns, "event_type"));
        var durations = columns.Int64("session_duration_sec");
        var depths = columns.Int64("page_depth");
        var derivedEngaged = derived?.Int32("is_engaged");
        int rows = Slot(Measure.Rows), duration = Slot("session_duration_sec"), engaged = Slot("engaged"), depth = Slot("page_depth");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[duration] = durations[i];
            m[engaged] = derivedEngaged?[i] ?? ToFlag(EntityFeatures.IsEngagedEvent(durations[i]));
            m[depth] = depths[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

    public override IReadOnlyList<Column> Derived { get; } = [Integer("hour"), Label("day_of_week"), Flag("is_engaged"), Label("month")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var durations = raw.Int64("session_duration_sec");
        var engaged = batch.Int32("is_engaged");
        for (var i = 0; i < raw.RowCount; i++)
        {
            engaged[i] = ToFlag(EntityFeatures.IsEngagedEvent(durations[i]));
        }

        var calendar = Calendar(raw, batch, "timestamp");
        calendar.Hour(batch.Int32("hour"));
        calendar.DayOfWeek(batch.String("day_of_week"));
        calendar.Month(batch.String("month"));
    }
}
