using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processing;

public sealed class EmailCampaignsProcessor : CubeProcessor
{
    public override CubeDefinition Cube => Cubes.EmailCampaigns;

    public override IReadOnlyList<ColumnRequest> Columns =>
        [Month(), Categorical("campaign_type"), Integer("send_hour"), Categorical("action")];

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override CubeCells Map(RowGroupColumns columns)
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
}
