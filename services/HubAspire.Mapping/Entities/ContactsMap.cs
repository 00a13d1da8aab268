using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Entities;

public sealed class ContactsMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.Contacts;
    public override EntitySchema Raw => CrmSchema.Contacts;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [ReadMonth(), ReadCategory("lifecycle_stage"), ReadCategory("lead_source"), ReadInteger("lead_score"), ReadInteger("num_page_views"), ReadInteger("num_form_submissions")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
    {
        var cube = Accumulator(columns, Category(columns, "lifecycle_stage"), Category(columns, "lead_source"));
        var scores = columns.Int64("lead_score");
        var pageViews = columns.Int64("num_page_views");
        var forms = columns.Int64("num_form_submissions");
        var derivedEngagement = derived?.Int32("engagement_index");
        int rows = Slot(Measure.Rows), score = Slot("lead_score"), engagement = Slot("engagement_index");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            m[rows] = 1;
            m[score] = scores[i];
            m[engagement] = derivedEngagement?[i] ?? EntityFeatures.EngagementIndex(pageViews[i], forms[i]);
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

    public override IReadOnlyList<Column> Derived { get; } = [Label("lead_grade"), Integer("engagement_index")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var scores = raw.Int64("lead_score");
        var pageViews = raw.Int64("num_page_views");
        var forms = raw.Int64("num_form_submissions");
        var (grade, engagement) = (batch.String("lead_grade"), batch.Int32("engagement_index"));
        for (var i = 0; i < raw.RowCount; i++)
        {
            grade[i] = EntityFeatures.LeadGrade(scores[i]);
            engagement[i] = checked((int)EntityFeatures.EngagementIndex(pageViews[i], forms[i]));
        }
    }
}
