using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation.Entities;

public sealed class WebSessionGenerator : IEntityGenerator
{
    private const double BounceProbability = .45;

    /// <summary>Conversion chance of a session that did not bounce: .55 × .073 ≈ 4% overall.</summary>
    private const double ConversionProbabilityWhenEngaged = .073;

    public EntitySchema Schema => CrmSchema.WebAnalytics;

    public void Fill(ColumnBatch batch, long firstId, int count, ref RandomStream random, in KeyedRandom keyed)
    {
        var id = batch.Int64("session_id");
        var page = batch.String("page_url");
        var referrer = batch.String("referrer_domain");
        var browser = batch.String("browser");
        var device = batch.String("device_type");
        var country = batch.String("country");
        var duration = batch.Int32("session_duration_sec");
        var pageViews = batch.Int32("page_views");
        var bounce = batch.Int32("bounce");
        var conversion = batch.Int32("conversion");
        var timestamp = batch.Timestamp("timestamp");

        for (var i = 0; i < count; i++)
        {
            var bounced = random.Bernoulli(BounceProbability);
            id[i] = firstId + i;
            page[i] = random.Pick(CrmValues.PageUrls);
            referrer[i] = random.Pick(CrmValues.ReferrerDomains);
            browser[i] = random.Pick(CrmValues.Browsers);
            device[i] = random.Pick(CrmValues.WebDevices);
            country[i] = random.Pick(CrmValues.Countries);
            duration[i] = (int)Math.Clamp(Math.Truncate(random.Exponential(120)), 1, 1800);
            pageViews[i] = random.Uniform(1, 25);
            bounce[i] = bounced ? 1 : 0;
            conversion[i] = !bounced && random.Bernoulli(ConversionProbabilityWhenEngaged) ? 1 : 0;
            timestamp[i] = random.Timestamp();
        }

        batch.Count = count;
    }
}
