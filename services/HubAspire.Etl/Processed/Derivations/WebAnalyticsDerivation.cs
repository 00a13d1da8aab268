using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

public sealed class WebAnalyticsDerivation : EntityDerivation
{
    public override EntitySchema Raw => CrmSchema.WebAnalytics;

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
