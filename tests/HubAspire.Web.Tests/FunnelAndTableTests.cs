using System.Text.Json;
using System.Text.Json.Nodes;
using HubAspire.Web.Tests.Support;
using static HubAspire.Web.Tests.Support.ExpectedCharts;
using static HubAspire.Web.Tests.Support.ExpectedText;

namespace HubAspire.Web.Tests;

/// <summary>
/// The two funnels and the two tables as shown: every row's visible label and formatted figures
/// in the API's order, and the drawn width of every bar against its track.
/// </summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class FunnelAndTableTests(DashboardSite site)
{
    [Fact]
    public async Task The_deal_stage_funnel_shows_each_stage_its_deals_and_value_with_bars_in_proportion()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue");
        await dashboard.WaitUntilDrawnAsync();
        var stages = await site.GetJsonAsync("/api/deals/stages");

        await AssertFunnelAsync(dashboard, "deal-funnel", stages, stages["counts"]!.AsArray(), v => Money(v), stages["values"]!.AsArray());
    }

    [Fact]
    public async Task The_lifecycle_funnel_shows_each_stage_its_contacts_and_average_score_with_bars_in_proportion()
    {
        var dashboard = await site.OpenAsync("/?tab=contacts");
        await dashboard.WaitUntilDrawnAsync();
        var lifecycle = await site.GetJsonAsync("/api/contacts/lifecycle");

        await AssertFunnelAsync(dashboard, "lifecycle-funnel", lifecycle, lifecycle["count"]!.AsArray(), v => $"score {Decimal(v, 1)}", lifecycle["avg_score"]!.AsArray());
        Assert.Equal(7, lifecycle["labels"]!.AsArray().Count);
    }

    [Fact]
    public async Task The_pages_table_shows_all_20_pages_every_figure_formatted_and_session_bars_in_proportion()
    {
        var dashboard = await site.OpenAsync("/?tab=web");
        await dashboard.WaitUntilDrawnAsync();
        var pages = await site.GetJsonAsync("/api/web/pages");
        var sessions = Numbers(pages["sessions"]!);

        var table = await ShownTable.ReadAsync(dashboard.Page, "[data-card='web-pages']");
        Assert.Equal(["Page", "Sessions", "Bounce", "Conversion"], table.Header);
        Assert.Equal(20, table.Rows.Count);
        Assert.Equal(
            pages["labels"]!.AsArray().Select((page, i) => (IReadOnlyList<string>)[
                (string)page!, Integer(sessions[i]), Percent(Num(pages["bounce_rate"]![i]), 1), Percent(Num(pages["conversion_rate"]![i]), 2)]),
            table.Rows);
        AssertBars(sessions, table.Bars.Select(row => row[1]).ToArray(), "sessions");
    }

    [Fact]
    public async Task The_support_table_shows_every_category_every_figure_formatted_SLA_coloured_and_ticket_bars_in_proportion()
    {
        var dashboard = await site.OpenAsync("/?tab=support");
        await dashboard.WaitUntilDrawnAsync();
        var categories = await site.GetJsonAsync("/api/support/category");
        var tickets = Numbers(categories["ticket_count"]!);
        var sla = Numbers(categories["sla_compliance"]!);

        var table = await ShownTable.ReadAsync(dashboard.Page, "[data-card='support-table']");
        Assert.Equal(["Category", "Tickets", "Avg resolution", "SLA", "CSAT"], table.Header);
        Assert.Equal(
            categories["labels"]!.AsArray().Select((category, i) => (IReadOnlyList<string>)[
                (string)category!, Integer(tickets[i]), Hours(Num(categories["avg_resolution"]![i])), Percent(sla[i], 1), Score(Num(categories["satisfaction"]![i]))]),
            table.Rows);
        AssertBars(tickets, table.Bars.Select(row => row[1]).ToArray(), "tickets");

        // The SLA colour a person sees: green at 70 % or more, amber at 50 % or more, red below.
        var colours = await dashboard.Page.EvalOnSelectorAllAsync<string[]>(
            "[data-card='support-table'] tbody tr", "rows => rows.map(r => getComputedStyle(r.cells[3]).color)");
        Assert.Equal(sla.Select(v => v >= 70 ? "rgb(52, 211, 153)" : v >= 50 ? "rgb(251, 191, 36)" : "rgb(248, 113, 113)"), colours);
    }

    /// <summary>
    /// Each funnel row: the visible stage name, the count inside the bar, the figure on the right,
    /// and a bar whose drawn width is the count's share of the largest (at least 2 %, and never
    /// narrower than the count it holds).
    /// </summary>
    private static async Task AssertFunnelAsync(DashboardPage dashboard, string card, JsonNode api, JsonArray counts, Func<double?, string> side, JsonArray sides)
    {
        var json = await dashboard.Page.EvalOnSelectorAllAsync<string>($"[data-card='{card}'] .funnel-row", """
            rows => JSON.stringify(rows.map(row => {
              const bar = row.querySelector('.funnel-bar').getBoundingClientRect();
              const track = row.querySelector('.funnel-track').getBoundingClientRect();
              const count = row.querySelector('.funnel-count').getBoundingClientRect();
              return {
                label: row.querySelector('.funnel-label').innerText,
                count: row.querySelector('.funnel-count').innerText,
                side: row.querySelector('.funnel-side').innerText,
                width: bar.width / track.width * 100,
                fitsCount: bar.width <= count.width + 21,
              };
            }))
            """);
        var rows = JsonSerializer.Deserialize<FunnelRow[]>(json, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

        var values = Numbers(counts);
        Assert.Equal(api["labels"]!.AsArray().Select(l => (string)l!), rows.Select(r => r.Label));
        Assert.Equal(values.Select(v => Integer(v)), rows.Select(r => r.Count));
        Assert.Equal(sides.Select(v => side(Num(v))), rows.Select(r => r.Side));
        var max = values.Max()!.Value;
        for (var i = 0; i < rows.Length; i++)
        {
            var expected = Math.Max(values[i]!.Value / max * 100, 2);
            Assert.True(Math.Abs(rows[i].Width - expected) < 0.5 || (rows[i].Width > expected && rows[i].FitsCount),
                $"{card} '{rows[i].Label}': bar {rows[i].Width:F1} % of its track, expected {expected:F1} %.");
        }
    }

    private static void AssertBars(double?[] values, double?[] drawn, string what)
    {
        var max = values.Max()!.Value;
        for (var i = 0; i < values.Length; i++)
        {
            Assert.NotNull(drawn[i]);
            Assert.True(Math.Abs(drawn[i]!.Value - values[i]!.Value / max * 100) < 0.5, $"{what} bar {i}: {drawn[i]:F1} % drawn, {values[i] / max * 100:F1} % expected.");
        }
    }

    private static double?[] Numbers(JsonNode array) => [.. array.AsArray().Select(Num)];

    private sealed record FunnelRow(string Label, string Count, string Side, double Width, bool FitsCount);
}
