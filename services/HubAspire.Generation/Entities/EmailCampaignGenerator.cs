using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class EmailCampaignGenerator : IEntityGenerator
{
    public EntitySchema Schema => CrmSchema.EmailCampaigns;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("email_event_id");
        var contact = batch.Int64("contact_id");
        var campaign = batch.Int32("campaign_id");
        var campaignType = batch.String("campaign_type");
        var action = batch.String("action");
        var subjectLength = batch.Int32("subject_line_length");
        var sendHour = batch.Int32("send_hour");
        var sendDay = batch.Int32("send_day_of_week");
        var timestamp = batch.Timestamp("timestamp");

        for (var i = 0; i < count; i++)
        {
            id[i] = firstId + i;
            contact[i] = 1 + random.Below(keyed.Counts.Contacts);
            campaign[i] = random.Uniform(1, 5001);
            campaignType[i] = random.Pick(CrmValues.CampaignTypes);
            action[i] = random.Pick(CrmValues.EmailActions);
            subjectLength[i] = random.Uniform(20, 120);
            sendHour[i] = random.Uniform(0, 24);
            sendDay[i] = random.Uniform(0, 7);
            timestamp[i] = random.Timestamp();
        }

        batch.Count = count;
    }
}
