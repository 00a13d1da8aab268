using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

public sealed class SupportTicketsDerivation : EntityDerivation
{
    public override EntitySchema Raw => CrmSchema.SupportTickets;

    public override IReadOnlyList<Column> Derived { get; } = [Flag("sla_met"), Label("quarter"), Label("month")];

    public override void Derive(RowGroupColumns raw, ColumnBatch batch)
    {
        var priority = raw.Categorical("priority");
        var priorities = priority.Values;
        var codes = priority.Codes;
        var hours = raw.Double("resolution_hours");
        var slaMet = batch.Int32("sla_met");
        for (var i = 0; i < raw.RowCount; i++)
        {
            slaMet[i] = ToFlag(EntityFeatures.SlaMet(priorities[codes[i]], hours[i]));
        }

        var calendar = Calendar(raw, batch, "created_at");
        calendar.Quarter(batch.String("quarter"));
        calendar.Month(batch.String("month"));
    }
}
