using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

public sealed class ContactsDerivation : EntityDerivation
{
    public override EntitySchema Raw => CrmSchema.Contacts;

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
