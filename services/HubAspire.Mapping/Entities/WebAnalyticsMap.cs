using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Entities;

public sealed class WebAnalyticsMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.WebAnalytics;
    public override EntitySchema Raw => CrmSchema.WebAnalytics;

    public override IReadOnlyList<ColumnRequest> Columns =>
    [
        ReadMonth(), ReadCategory("page_url"), ReadCategory("country"), ReadCategory("device_type"),
        ReadInteger("session_duration_sec"), ReadInteger("bounce"), ReadInteger("conversion"), ReadInteger("page_views"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
    {
        var cube = Accumulator(columns, Category(columns, "page_url"), Category(columns, "country"), Category(columns, "device_type"));
        var durations = columns.Int64("session_duration_sec");
        var bounces = columns.Int64("bounce");
        var conversions = columns.Int64("conversion");
        var pageViews = columns.Int64("page_views");
        var derivedEngaged = derived?.Int32("engaged_session");
        int rows = Slot(Measure.Rows), duration = Slot("session_duration_sec"), bounce = Slot("bounce"),
            conversion = Slot("conversion"), views = Slot("page_views"), engaged = Slot("engaged");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[duration] = durations[i];
            m[bounce] = bounces[i];
            m[conversion] = conversions[i];
            m[views] = pageViews[i];
            m[engaged] = derivedEngaged?[i] ?? ToFlag(EntityFeatures.IsEngagedSession(durations[i], bounces[i]));
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

    public override IReadOnlyList<Column> Derived { get; } =
        [Integer("hour"), Label("day_of_week"), Label("month"), Flag("engaged_session")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var durations = raw.Int64("session_duration_sec");
        var bounces = raw.Int64("bounce");
        var engaged = batch.Int32("engaged_session");
        for (var i = 0; i < raw.RowCount; i++)
        {
            engaged[i] = ToFlag(EntityFeatures.IsEngagedSession(durations[i], bounces[i]));
        }

        var calendar = Calendar(raw, batch, "timestamp");
        calendar.Hour(batch.Int32("hour"));
        calendar.DayOfWeek(batch.String("day_of_week"));
        calendar.Month(batch.String("month"));
    }
}
