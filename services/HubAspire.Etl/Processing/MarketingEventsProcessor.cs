using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class MarketingEventsProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.MarketingEvents;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [Month(), Categorical("channel"), Categorical("event_type"), Integer("session_duration_sec"), Integer("page_depth")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
    {
        var cube = Accumulator(columns, Category(columns, "channel"), Category(columns, "event_type"));
        var durations = columns.Int64("session_duration_sec");
        var depths = columns.Int64("page_depth");
        int rows = Slot(Measure.Rows), duration = Slot("session_duration_sec"), engaged = Slot("engaged"), depth = Slot("page_depth");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[duration] = durations[i];
            m[engaged] = EntityFeatures.IsEngagedEvent(durations[i]) ? 1 : 0;
            m[depth] = depths[i];
            cube.Add(i, m);
        }

        return cube.ToCells();
    }
}
