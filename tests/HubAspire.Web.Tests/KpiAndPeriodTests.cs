using System.Text.Json.Nodes;
using HubAspire.Web.Tests.Support;

namespace HubAspire.Web.Tests;

/// <summary>The 15 KPI cards, the period filter in the URL, deltas, reloads and the back button.</summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class KpiAndPeriodTests(DashboardSite site)
{
    [Fact]
    public async Task The_KPI_cards_show_the_APIs_figures_formatted_without_deltas_over_all_data()
    {
        var dashboard = await site.OpenAsync("/");
        await dashboard.WaitUntilDrawnAsync();

        var shown = await dashboard.KpisAsync();
        var kpis = await site.GetJsonAsync("/api/kpis");
        Assert.Equal(ExpectedText.KpiCards.Keys, shown.Keys);
        foreach (var (key, format) in ExpectedText.KpiCards)
        {
            Assert.Equal((format(Number(kpis[key])), (string?)null), shown[key]);
        }

        var total = (long)(await site.GetJsonAsync("/api/runs/latest"))["dataset"]!["total_rows"]!;
        Assert.Equal(ExpectedText.Count(total), await dashboard.Page.TextContentAsync("#total-records"));
    }

    [Fact]
    public async Task Choosing_a_period_changes_the_URL_the_figures_and_the_deltas_and_a_reload_restores_them()
    {
        var dashboard = await site.OpenAsync("/");
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();
        var (_, last) = await DataRangeAsync();

        await page.ClickAsync("[data-preset='last-12']");
        await dashboard.WaitUntilDrawnAsync();
        var from = MonthsBefore(last, 11);
        Assert.Equal($"?from={from}&to={last}", new Uri(page.Url).Query);
        await AssertKpisAndTrendAsync(dashboard, from, last);
        Assert.Equal("true", await page.GetAttributeAsync("[data-preset='last-12']", "aria-pressed"));

        await page.ReloadAsync();
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal($"?from={from}&to={last}", new Uri(page.Url).Query);
        await AssertKpisAndTrendAsync(dashboard, from, last);

        // A period typed in: the inputs, then Apply.
        await page.FillAsync("#period-from", "2024-02");
        await page.FillAsync("#period-to", "2024-04");
        await page.ClickAsync("#period-form button[type=submit]");
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal("?from=2024-02&to=2024-04", new Uri(page.Url).Query);
        await AssertKpisAndTrendAsync(dashboard, "2024-02", "2024-04");
    }

    [Fact]
    public async Task A_period_without_rows_shows_empty_cards_and_dashes_not_errors()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue&from=2019-01&to=2019-12");
        await dashboard.WaitUntilDrawnAsync();
        foreach (var card in new[] { "revenue-trend", "revenue-quarterly", "deal-funnel", "revenue-by-region", "revenue-by-industry", "revenue-by-pipeline" })
        {
            Assert.Equal("empty", await dashboard.CardStateAsync(card));
            var message = dashboard.Page.Locator($"[data-card='{card}'] .status-text");
            Assert.True(await message.IsVisibleAsync(), $"{card}: no visible message.");
            Assert.Equal("No data in this period.", await message.InnerTextAsync());
            Assert.False(await dashboard.Page.IsVisibleAsync($"[data-card='{card}'] canvas, [data-card='{card}'] .funnel"), $"{card}: a chart or funnel still shows.");
        }

        Assert.Equal(["2019-01", "2019-12"], await PeriodInputsAsync(dashboard));

        await dashboard.ClickTabAsync("overview");
        var shown = await dashboard.KpisAsync();
        Assert.Equal("$0", shown["won_revenue"].Value);
        Assert.Equal(ExpectedText.Missing, shown["win_rate"].Value);
        Assert.Equal(ExpectedText.Missing, shown["avg_csat"].Value);
    }

    [Fact]
    public async Task The_back_button_walks_back_through_tabs_and_periods()
    {
        var dashboard = await site.OpenAsync("/");
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();
        await dashboard.ClickTabAsync("revenue");
        await page.ClickAsync("[data-preset='last-quarter']");
        await dashboard.WaitUntilDrawnAsync();
        await dashboard.ClickTabAsync("support");

        var (first, last) = await DataRangeAsync();
        var quarterStart = PresetMonths(first, last)["last-quarter"].From;

        await page.GoBackAsync();
        await dashboard.WaitUntilDrawnAsync();
        Assert.Contains("tab=revenue&from=", page.Url);
        await AssertShownAsync(dashboard, "revenue", quarterStart, last, Presets(quarterStart, last, first, last));

        await page.GoBackAsync();
        await dashboard.WaitUntilDrawnAsync();
        Assert.EndsWith("?tab=revenue", page.Url);
        await AssertShownAsync(dashboard, "revenue", first, last, ["all"]);

        await page.GoBackAsync();
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal("overview", await dashboard.ActiveTabAsync());
        Assert.True(await page.IsVisibleAsync("#panel-overview [data-kpi]"), "The Overview's KPI cards do not show.");
    }

    [Fact]
    public async Task The_all_and_year_to_date_presets_and_a_reversed_period_show_the_figures_of_their_months()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue");
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();
        var (first, last) = await DataRangeAsync();

        await page.ClickAsync("[data-preset='ytd']");
        await dashboard.WaitUntilDrawnAsync();
        var january = PresetMonths(first, last)["ytd"].From;
        Assert.Equal($"?tab=revenue&from={january}&to={last}", new Uri(page.Url).Query);
        await AssertShownAsync(dashboard, "revenue", january, last, Presets(january, last, first, last));

        await page.ClickAsync("[data-preset='all']");
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal("?tab=revenue", new Uri(page.Url).Query);
        await AssertShownAsync(dashboard, "revenue", first, last, ["all"]);

        // From after To: the page swaps them rather than asking for an empty period.
        await page.FillAsync("#period-from", "2024-06");
        await page.FillAsync("#period-to", "2024-02");
        await page.ClickAsync("#period-form button[type=submit]");
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal("?tab=revenue&from=2024-02&to=2024-06", new Uri(page.Url).Query);
        await AssertShownAsync(dashboard, "revenue", "2024-02", "2024-06", Presets("2024-02", "2024-06", first, last));
    }

    /// <summary>
    /// What a person sees of a view: the tab's panel and no other, the period's months in the
    /// inputs, the presets lit, and the revenue trend drawn over exactly those months.
    /// </summary>
    private async Task AssertShownAsync(DashboardPage dashboard, string tab, string from, string to, string[] presets)
    {
        var page = dashboard.Page;
        Assert.Equal(tab, await dashboard.ActiveTabAsync());
        Assert.Equal([$"panel-{tab}"], await page.EvalOnSelectorAllAsync<string[]>(".panel", "panels => panels.filter(p => p.checkVisibility()).map(p => p.id)"));
        Assert.Equal([from, to], await PeriodInputsAsync(dashboard));
        var pressed = await page.EvalOnSelectorAllAsync<string[]>("[data-preset][aria-pressed=true]", "buttons => buttons.map(b => b.dataset.preset)");
        Assert.Equal(presets, pressed);

        var trend = await site.GetJsonAsync($"/api/revenue-trend?from={from}&to={to}");
        var labels = trend["labels"]!.AsArray().Select(l => (string)l!).ToArray();
        Assert.Equal(from, labels[0]);
        Assert.Equal(to, labels[^1]);
        var drawn = (await DrawnChart.ReadVisibleAsync(page))["revenue-trend"].CategoryScale.Ticks;
        Assert.Equal(drawn.Select(t => ExpectedText.Month(labels[(int)t.Value])), drawn.Select(t => t.Text));
        Assert.Equal(labels.Length, await page.EvaluateAsync<int>("() => Chart.getChart(document.querySelector('canvas[data-chart=\"revenue-trend\"]')).scales.x.getLabels().length"));
    }

    /// <summary>
    /// Each preset's months over data from <paramref name="first"/> to <paramref name="last"/>:
    /// the last 12 months, the calendar quarter of the last month, the year to date of the last
    /// month's year, each cut at the first month ("all" is no months at all, so not here).
    /// </summary>
    private static Dictionary<string, (string From, string To)> PresetMonths(string first, string last)
    {
        static string Max(string a, string b) => string.CompareOrdinal(a, b) > 0 ? a : b;
        return new()
        {
            ["last-12"] = (Max(MonthsBefore(last, 11), first), last),
            ["last-quarter"] = (Max($"{last[..5]}{(int.Parse(last[5..]) - 1) / 3 * 3 + 1:D2}", first), last),
            ["ytd"] = (Max($"{last[..4]}-01", first), last),
        };
    }

    /// <summary>The presets lit for the months from–to: every one whose months they are.</summary>
    private static string[] Presets(string from, string to, string first, string last) =>
        [.. PresetMonths(first, last).Where(p => p.Value == (from, to)).Select(p => p.Key)];

    private async Task<(string First, string Last)> DataRangeAsync()
    {
        var range = (await site.GetJsonAsync("/api/meta"))["data_range"]!;
        return ((string)range["first_month"]!, (string)range["last_month"]!);
    }

    private static async Task<string[]> PeriodInputsAsync(DashboardPage dashboard) =>
        [await dashboard.Page.InputValueAsync("#period-from"), await dashboard.Page.InputValueAsync("#period-to")];

    private async Task AssertKpisAndTrendAsync(DashboardPage dashboard, string from, string to)
    {
        var kpis = await site.GetJsonAsync($"/api/kpis?from={from}&to={to}");
        var previous = kpis["previous"]!;
        var shown = await dashboard.KpisAsync();
        foreach (var (key, format) in ExpectedText.KpiCards)
        {
            var delta = ExpectedText.Delta(Number(kpis[key]), Number(previous[key])) ?? ExpectedText.Missing;
            Assert.Equal((format(Number(kpis[key])), delta), shown[key]);
        }

        var trend = await site.GetJsonAsync($"/api/revenue-trend?from={from}&to={to}");
        var chart = (await dashboard.VisibleChartsAsync())["overview-revenue-trend"];
        AssertJson.Equal(trend["labels"]!.AsArray(), chart.Labels!, "revenue trend labels");
        AssertJson.Equal(trend["datasets"]![2]!["data"]!.AsArray(), chart.Series![2]!.AsArray(), "won revenue");
    }

    private static double? Number(JsonNode? node) => node is null ? null : (double)node;

    private static string MonthsBefore(string month, int months)
    {
        var date = DateTime.ParseExact(month, "yyyy-MM", null).AddMonths(-months);
        return date.ToString("yyyy-MM");
    }
}
