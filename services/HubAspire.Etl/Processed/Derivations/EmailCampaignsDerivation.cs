using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

public sealed class EmailCampaignsDerivation : EntityDerivation
{
    public override EntitySchema Raw => CrmSchema.EmailCampaigns;

    public override IReadOnlyList<Column> Derived { get; } =
        [Flag("is_opened"), Flag("is_clicked"), Flag("is_bounced"), Flag("is_unsub"), Label("month")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var action = raw.Categorical("action");
        FlagByLabel(action, EntityFeatures.IsOpened, batch.Int32("is_opened"));
        FlagByLabel(action, EntityFeatures.IsClicked, batch.Int32("is_clicked"));
        FlagByLabel(action, EntityFeatures.IsBounced, batch.Int32("is_bounced"));
        FlagByLabel(action, EntityFeatures.IsUnsubscribe, batch.Int32("is_unsub"));
        Calendar(raw, batch, "timestamp").Month(batch.String("month"));
    }

    private static void FlagByLabel(CategoricalColumn action, Func<string, bool> rule, int[] target)
    {
        var flags = FlagPerLabel(action, rule);
        var codes = action.Codes;
        for (var i = 0; i < codes.Length; i++)
        {
            target[i] = ToFlag(flags[codes[i]]);
        }
    }
}
