using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class WebAnalyticsProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.WebAnalytics;

    public override IReadOnlyList<ColumnRequest> Columns =>
    [
        Month(), Categorical("page_url"), Categorical("country"), Categorical("device_type"),
        Integer("session_duration_sec"), Integer("bounce"), Integer("conversion"), Integer("page_views"),
    ];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
    {
        var cube = Accumulator(columns, Category(columns, "page_url"), Category(columns, "country"), Category(columns, "device_type"));
        var durations = columns.Int64("session_duration_sec");
        var bounces = columns.Int64("bounce");
        var conversions = columns.Int64("conversion");
        var pageViews = columns.Int64("page_views");
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
            m[engaged] = EntityFeatures.IsEngagedSession(durations[i], bounces[i]) ? 1 : 0;
            cube.Add(i, m);
        }

        return cube.ToCells();
    }
}
