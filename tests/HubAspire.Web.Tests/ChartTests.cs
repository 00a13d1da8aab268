using System.Globalization;
using System.Text.Json.Nodes;
using HubAspire.Web.Tests.Support;

namespace HubAspire.Web.Tests;

/// <summary>Every tab opens, and every chart on it holds exactly the API's figures (read with Chart.getChart).</summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class ChartTests(DashboardSite site)
{
    [Fact]
    public async Task Every_tab_opens_and_every_chart_holds_the_APIs_figures()
    {
        var dashboard = await site.OpenAsync("/");
        await dashboard.WaitUntilDrawnAsync();

        var seen = new List<string>();
        foreach (var tab in ExpectedCharts.Tabs)
        {
            await dashboard.ClickTabAsync(tab);
            Assert.Equal(tab, await dashboard.ActiveTabAsync());
            var charts = await dashboard.VisibleChartsAsync();
            var expected = ExpectedCharts.All.Where(e => e.Value.Tab == tab).ToDictionary();
            Assert.Equal(expected.Keys.Order(), charts.Keys.Order());

            foreach (var (id, expectation) in expected)
            {
                var chart = charts[id];
                Assert.Equal(expectation.Route, chart.Route);
                Assert.True(chart.Labels is not null, $"Chart '{id}' was not drawn.");
                var (labels, series) = expectation.FromApi(await site.GetJsonAsync($"/api/{expectation.Route}"));
                AssertJson.Equal(labels, chart.Labels!, $"{id} labels");
                Assert.Equal(series.Length, chart.Series!.Count);
                for (var i = 0; i < series.Length; i++)
                {
                    AssertJson.Equal(series[i], chart.Series[i]!.AsArray(), $"{id} series {i}");
                }

                seen.Add(id);
            }

            await dashboard.SaveScreenshotAsync($"desktop-{tab}");
        }

        Assert.Equal(23, seen.Count);
        Assert.DoesNotContain(dashboard.Console, line => line.StartsWith("error:") || line.StartsWith("uncaught:"));
    }

    [Fact]
    public async Task Every_chart_draws_the_APIs_labels_where_a_person_reads_them()
    {
        var dashboard = await site.OpenAsync("/");
        await dashboard.WaitUntilDrawnAsync();

        foreach (var tab in ExpectedCharts.Tabs)
        {
            await dashboard.ClickTabAsync(tab);
            var drawn = await DrawnChart.ReadVisibleAsync(dashboard.Page);
            foreach (var (id, expectation) in ExpectedCharts.All.Where(e => e.Value.Tab == tab))
            {
                var labels = expectation.FromApi(await site.GetJsonAsync($"/api/{expectation.Route}")).Labels.Select(l => (string)l!).ToArray();
                var chart = drawn[id];
                switch (expectation.LabelPlace)
                {
                    case ExpectedCharts.LabelPlace.CategoryAxis:
                        Assert.Equal(labels, chart.CategoryScale.Ticks.Select(t => t.Text));
                        break;
                    case ExpectedCharts.LabelPlace.MonthAxis:
                        // Thinned out when crowded: each tick shown is its own month, formatted, in order.
                        var ticks = chart.CategoryScale.Ticks;
                        Assert.True(ticks.Count >= Math.Min(labels.Length, 4), $"{id}: only {ticks.Count} of {labels.Length} months labelled.");
                        Assert.Equal(ticks.Select(t => ExpectedText.Month(labels[(int)t.Value])), ticks.Select(t => t.Text));
                        Assert.Equal(ticks.Select(t => t.Value).Order(), ticks.Select(t => t.Value));
                        break;
                    case ExpectedCharts.LabelPlace.Legend:
                        Assert.Equal(labels, chart.Legend);
                        break;
                    case ExpectedCharts.LabelPlace.PointLabels:
                        Assert.Equal(labels, chart.Scales["r"].PointLabels);
                        break;
                }
            }
        }
    }

    [Fact]
    public async Task The_funnels_and_tables_list_the_APIs_rows_in_its_order()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue");
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();

        var stages = await site.GetJsonAsync("/api/deals/stages");
        var funnel = await page.EvalOnSelectorAllAsync<string[]>("[data-card='deal-funnel'] .funnel-row", "rows => rows.map(r => r.dataset.label + '|' + r.querySelector('.funnel-count').textContent)");
        Assert.Equal(
            stages["labels"]!.AsArray().Select((l, i) => $"{l}|{((long)stages["counts"]![i]!).ToString("N0", CultureInfo.InvariantCulture)}"),
            funnel);

        await dashboard.ClickTabAsync("web");
        var pages = await site.GetJsonAsync("/api/web/pages");
        var firstCells = await page.EvalOnSelectorAllAsync<string[]>("[data-card='web-pages'] tbody tr", "rows => rows.map(r => r.cells[0].textContent)");
        Assert.Equal(pages["labels"]!.AsArray().Select(l => (string)l!), firstCells);
        Assert.Equal(20, firstCells.Length);

        await dashboard.ClickTabAsync("support");
        var categories = await site.GetJsonAsync("/api/support/category");
        var slaCells = await page.EvalOnSelectorAllAsync<string[]>("[data-card='support-table'] tbody tr", "rows => rows.map(r => r.cells[3].className + '|' + r.cells[3].textContent)");
        Assert.Equal(
            categories["sla_compliance"]!.AsArray().Select(v => (double)v!).Select(v => $"numeric sla-{(v >= 70 ? "good" : v >= 50 ? "warn" : "bad")}|{ExpectedText.Percent(v, 1)}"),
            slaCells);
    }
}
