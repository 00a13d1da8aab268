using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class ContactsProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.Contacts;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [Month(), Categorical("lifecycle_stage"), Categorical("lead_source"), Integer("lead_score"), Integer("num_page_views"), Integer("num_form_submissions")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
    {
        var cube = Accumulator(columns, Category(columns, "lifecycle_stage"), Category(columns, "lead_source"));
        var scores = columns.Int64("lead_score");
        var pageViews = columns.Int64("num_page_views");
        var forms = columns.Int64("num_form_submissions");
        int rows = Slot(Measure.Rows), score = Slot("lead_score"), engagement = Slot("engagement_index");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[score] = scores[i];
            m[engagement] = EntityFeatures.EngagementIndex(pageViews[i], forms[i]);
            cube.Add(i, m);
        }

        return cube.ToCells();
    }
}
