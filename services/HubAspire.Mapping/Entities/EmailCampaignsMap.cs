using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;
using HubAspire.Mapping.Processing;

namespace HubAspire.Mapping.Entities;

public sealed class EmailCampaignsMap : EntityMap
{
    public override CubeDefinition Cube => Cubes.EmailCampaigns;
    public override EntitySchema Raw => CrmSchema.EmailCampaigns;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [ReadMonth(), ReadCategory("campaign_type"), ReadInteger("send_hour"), ReadCategory("action")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns, ColumnBatch? derived)
    {
        var action = columns.Categorical("action");
        var opened = FlagPerLabel(action, EntityFeatures.IsOpened);
        var clicked = FlagPerLabel(action, EntityFeatures.IsClicked);
        var bounced = FlagPerLabel(action, EntityFeatures.IsBounced);
        var unsubscribed = FlagPerLabel(action, EntityFeatures.IsUnsubscribe);
        var cube = Accumulator(columns, Category(columns, "campaign_type"), DimensionColumn.FromIntegers(columns.Int64("send_hour")));
        var codes = action.Codes;
        int rows = Slot(Measure.Rows), openedCount = Slot("opened"), clickedCount = Slot("clicked"),
            bouncedCount = Slot("bounced"), unsubscribedCount = Slot("unsubscribed");

        Span<long> m = stackalloc long[Cube.Measures.Count];
        for (var i = 0; i < columns.RowCount; i++)
        {
            var code = codes[i];
            m[rows] = 1;
            m[openedCount] = opened[code] ? 1 : 0;
            m[clickedCount] = clicked[code] ? 1 : 0;
            m[bouncedCount] = bounced[code] ? 1 : 0;
            m[unsubscribedCount] = unsubscribed[code] ? 1 : 0;
            cube.Add(i, m);
        }

        return cube.ToCells();
    }

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
