using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class ContactGenerator : IEntityGenerator
{
    public EntitySchema Schema => CrmSchema.Contacts;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("contact_id");
        var email = batch.String("email");
        var company = batch.Int64("company_id");
        var jobTitle = batch.String("job_title");
        var leadSource = batch.String("lead_source");
        var leadScore = batch.Int32("lead_score");
        var lifecycle = batch.String("lifecycle_stage");
        var region = batch.String("region");
        var firstTouch = batch.Timestamp("first_touch_date");
        var pageViews = batch.Int32("num_page_views");
        var forms = batch.Int32("num_form_submissions");

        for (var i = 0; i < count; i++)
        {
            var contactId = firstId + i;
            var companyId = keyed.ContactCompany(contactId);
            id[i] = contactId;
            email[i] = $"user_{contactId}@{CrmValues.EmailDomains[contactId % CrmValues.EmailDomains.Length]}";
            company[i] = companyId;
            jobTitle[i] = random.Pick(CrmValues.JobTitles);
            leadSource[i] = random.Pick(CrmValues.LeadSources);
            leadScore[i] = Math.Clamp((int)random.Normal(50, 25), 0, 100);
            lifecycle[i] = random.Pick(CrmValues.LifecycleStages);
            region[i] = keyed.CompanyRegion(companyId);
            firstTouch[i] = DataRange.AtSecond(keyed.ContactFirstTouchSecond(contactId));
            pageViews[i] = random.Uniform(0, 500);
            forms[i] = random.Uniform(0, 20);
        }

        batch.Count = count;
    }
}
