using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class MarketingEventGenerator : IEntityGenerator
{
    public EntitySchema Schema => CrmSchema.MarketingEvents;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("event_id");
        var contact = batch.Int64("contact_id");
        var eventType = batch.String("event_type");
        var channel = batch.String("channel");
        var campaign = batch.Int32("campaign_id");
        var utm = batch.String("utm_source");
        var device = batch.String("device_type");
        var duration = batch.Int32("session_duration_sec");
        var depth = batch.Int32("page_depth");
        var timestamp = batch.Timestamp("timestamp");

        for (var i = 0; i < count; i++)
        {
            var contactId = 1 + random.Below(keyed.Counts.Contacts);
            id[i] = firstId + i;
            contact[i] = contactId;
            eventType[i] = random.Pick(CrmValues.MarketingEventTypes);
            channel[i] = random.Pick(CrmValues.MarketingChannels);
            campaign[i] = random.Uniform(1, 5001);
            utm[i] = random.Pick(CrmValues.UtmSources);
            device[i] = random.Pick(CrmValues.MarketingDevices);
            duration[i] = (int)Math.Clamp(Math.Truncate(random.Exponential(180)), 1, 3600);
            depth[i] = random.Uniform(1, 20);

            // Activity happens after the contact's first touch, up to the range's last second.
            var firstTouch = keyed.ContactFirstTouchSecond(contactId);
            timestamp[i] = DataRange.AtSecond(firstTouch + random.Below(DataRange.Seconds - firstTouch));
        }

        batch.Count = count;
    }
}
