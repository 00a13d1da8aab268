using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

public sealed class DealsDerivation : EntityDerivation
{
    public override EntitySchema Raw => CrmSchema.Deals;

    public override IReadOnlyList<Column> Derived { get; } =
    [
        Label("revenue_bucket"), Real("weighted_amount"), Real("velocity_score"),
        Flag("is_won"), Flag("is_lost"), Flag("is_open"), Label("quarter"), Label("month"),
    ];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var amounts = raw.Double("amount");
        var probabilities = raw.Double("probability");
        var days = raw.Int64("days_in_pipeline");
        var stage = raw.Categorical("stage");
        var (wonLabels, lostLabels) = (FlagPerLabel(stage, EntityFeatures.IsWon), FlagPerLabel(stage, EntityFeatures.IsLost));
        var stages = stage.Codes;
        var (bucket, weighted, velocity) = (batch.String("revenue_bucket"), batch.Double("weighted_amount"), batch.Double("velocity_score"));
        var (won, lost, open) = (batch.Int32("is_won"), batch.Int32("is_lost"), batch.Int32("is_open"));
        for (var i = 0; i < raw.RowCount; i++)
        {
            bucket[i] = EntityFeatures.RevenueBucket(amounts[i]);
            weighted[i] = EntityFeatures.WeightedAmount(amounts[i], probabilities[i]);
            velocity[i] = EntityFeatures.VelocityScore(probabilities[i], days[i]);
            var (isWon, isLost) = (wonLabels[stages[i]], lostLabels[stages[i]]);
            won[i] = ToFlag(isWon);
            lost[i] = ToFlag(isLost);
            open[i] = ToFlag(!isWon && !isLost);
        }

        var calendar = Calendar(raw, batch, "created_at");
        calendar.Quarter(batch.String("quarter"));
        calendar.Month(batch.String("month"));
    }
}
