using System.Text.Json.Nodes;
using HubAspire.Web.Tests.Support;
using static HubAspire.Web.Tests.Support.ExpectedCharts;

namespace HubAspire.Web.Tests;

/// <summary>
/// Every tab's charts against the API: the data handed to Chart.js, and what Chart.js draws from
/// it — labels where a person reads them, legends, value-axis ticks, a tooltip per chart — and
/// each chart's table (its text alternative).
/// </summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class ChartTests(DashboardSite site)
{
    [Fact]
    public async Task Every_tab_opens_and_every_chart_holds_the_APIs_figures()
    {
        var seen = new List<string>();
        var opened = await ShowEveryTabAsync(async (dashboard, tab, expected) =>
        {
            Assert.Equal(tab, await dashboard.ActiveTabAsync());
            var charts = await dashboard.VisibleChartsAsync();
            Assert.Equal(expected.Select(e => e.Id).Order(), charts.Keys.Order());

            foreach (var (id, expectation, api) in expected)
            {
                var chart = charts[id];
                Assert.Equal(expectation.Route, chart.Route);
                Assert.True(chart.Labels is not null, $"Chart '{id}' was not drawn.");
                var (labels, series) = expectation.FromApi(api);
                AssertJson.Equal(labels, chart.Labels!, $"{id} labels");
                Assert.Equal(series.Length, chart.Series!.Count);
                for (var i = 0; i < series.Length; i++)
                {
                    AssertJson.Equal(series[i], chart.Series[i]!.AsArray(), $"{id} series {i}");
                }

                seen.Add(id);
            }

            await dashboard.SaveScreenshotAsync($"desktop-{tab}");
        });

        Assert.Equal(23, seen.Count);
        Assert.DoesNotContain(opened.Console, line => line.StartsWith("error:") || line.StartsWith("uncaught:"));
    }

    [Fact]
    public async Task Every_chart_draws_the_APIs_labels_legend_and_value_ticks_as_a_person_reads_them()
    {
        var shown = new List<string>();
        await ShowEveryTabAsync(async (dashboard, tab, expected) =>
        {
            var drawn = await DrawnChart.ReadVisibleAsync(dashboard.Page);
            foreach (var (id, expectation, api) in expected)
            {
                var labels = LabelsOf(expectation, api);
                var chart = drawn[id];
                var names = expectation.SeriesNames(api);
                shown.Add(DrawnLabels.Line(tab, id, expectation.Kind, chart, labels.Length));

                switch (expectation.Kind)
                {
                    case Kind.Bar or Kind.HorizontalBar:
                        Assert.Equal(expectation.Kind == Kind.Bar ? "bottom" : "left", chart.CategoryScale.Position);
                        Assert.Equal(labels, chart.CategoryScale.Ticks.Select(t => t.Text));
                        break;
                    case Kind.Line:
                        // Thinned out when crowded: each tick shown is its own month, formatted, in order.
                        var ticks = chart.CategoryScale.Ticks;
                        Assert.Equal("bottom", chart.CategoryScale.Position);
                        Assert.True(ticks.Count >= Math.Min(labels.Length, 4), $"{id}: only {ticks.Count} of {labels.Length} months labelled.");
                        Assert.Equal(ticks.Select(t => ExpectedText.Month(labels[(int)t.Value])), ticks.Select(t => t.Text));
                        Assert.Equal(ticks.Select(t => t.Value).Order(), ticks.Select(t => t.Value));
                        break;
                    case Kind.Radar:
                        Assert.Equal(labels, chart.Scales["r"].PointLabels);
                        break;
                }

                // The legend: the labels for slices, the series' names when there are several, else none.
                string[] legend = expectation.Kind is Kind.Doughnut or Kind.PolarArea ? labels : names.Length > 1 ? names : [];
                Assert.Equal(legend, chart.Legend);

                var valueScale = expectation.Kind switch
                {
                    Kind.Bar or Kind.Line => "y",
                    Kind.HorizontalBar => "x",
                    _ => "r",
                };
                AssertTicks(id, chart.Scales.GetValueOrDefault(valueScale), expectation.ValueAxis, expectation.Kind == Kind.Doughnut);
                AssertTicks(id, chart.Scales.GetValueOrDefault("y1"), expectation.RightAxis, expectation.RightAxis is null);
                if (expectation.RightAxis is not null)
                {
                    Assert.Equal("right", chart.Scales["y1"].Position);
                }

                if (expectation.RightMax is { } max)
                {
                    Assert.Equal(max, chart.Scales["y1"].Max);
                }
            }
        });

        DrawnLabels.AssertAsCommitted(shown);
    }

    [Fact]
    public async Task Every_charts_tooltip_shows_the_APIs_figures_formatted_as_the_card_promises()
    {
        await ShowEveryTabAsync(async (dashboard, tab, expected) =>
        {
            foreach (var (id, expectation, api) in expected)
            {
                var (labels, series) = expectation.FromApi(api);
                var index = labels.Count / 2; // a label in the middle: neither end of the axis
                var tooltip = await DrawnChart.HoverAsync(dashboard.Page, id, index);

                var names = expectation.SeriesNames(api);
                var figures = expectation.Kind == Kind.Radar ? 1 : series.Length; // the radar names the series under the pointer
                var lines = Enumerable.Range(0, figures).Select(s => $"{names[s]}: {expectation.Series[s].Format(Num(series[s][index]))}").ToList();
                var extra = expectation.Extra?.Invoke(api, index) ?? [];
                if (expectation.Kind == Kind.Doughnut)
                {
                    lines[0] += $" ({ExpectedText.Share([.. series[0].Select(Num)], index)})";
                }

                var pie = expectation.Kind is Kind.Doughnut or Kind.PolarArea; // their extra lines follow each figure
                Assert.Equal([expectation.ShowLabel((string)labels[index]!)], tooltip.Title);
                Assert.Equal(pie ? [.. lines, .. extra] : lines, tooltip.Body);
                Assert.Equal(pie ? [] : extra, tooltip.AfterBody);
            }
        });
    }

    [Fact]
    public async Task Every_chart_has_a_table_of_its_labels_and_figures_for_screen_readers_and_the_Table_toggle()
    {
        await ShowEveryTabAsync(async (dashboard, tab, expected) =>
        {
            var page = dashboard.Page;
            foreach (var (id, expectation, api) in expected)
            {
                var (labels, series) = expectation.FromApi(api);
                var values = series.Select(s => s.Select(Num).ToArray()).ToArray();
                var extra = expectation.Extra is null ? null : new Func<int, string>(i => string.Join(" · ", expectation.Extra(api, i)));
                var share = expectation.Kind == Kind.Doughnut;
                string[] none = [];
                string[] header = [expectation.LabelName, .. expectation.SeriesNames(api), .. share ? ["Share"] : none, .. extra is null ? none : ["Details"]];
                var rows = labels.Select((label, i) => (IReadOnlyList<string>)[
                    expectation.ShowLabel((string)label!),
                    .. values.Select((v, s) => expectation.Series[s].Format(v[i])),
                    .. share ? [ExpectedText.Share(values[0], i)] : none,
                    .. extra is null ? none : [extra(i)],
                ]).ToArray();

                var card = $"[data-card='{id}']";
                var hidden = await ShownTable.ReadAsync(page, $"{card} .chart-table");
                Assert.Equal(header, hidden.Header);
                Assert.Equal(rows, hidden.Rows);
                Assert.True(await page.Locator($"{card} .chart-table").EvaluateAsync<bool>("e => e.getBoundingClientRect().width <= 1"), $"{id}: the screen readers' table shows beside the chart.");

                await page.ClickAsync($"{card} [data-view='table']");
                Assert.Equal("true", await page.GetAttributeAsync($"{card} [data-view='table']", "aria-pressed"));
                Assert.False(await page.IsVisibleAsync($"{card} canvas"), $"{id}: the chart still shows in table view.");
                Assert.True(await page.Locator($"{card} .chart-table td").First.IsVisibleAsync(), $"{id}: the table does not show in table view.");
                Assert.Equal(rows, (await ShownTable.ReadAsync(page, $"{card} .chart-table")).Rows);

                await page.ClickAsync($"{card} [data-view='table']");
                Assert.True(await page.IsVisibleAsync($"{card} canvas"), $"{id}: the chart does not come back.");
            }
        });
    }

    /// <summary>
    /// Opens the page and shows each tab in turn, handing <paramref name="check"/> the tab's charts,
    /// each with its expectation and the API's response to its route.
    /// </summary>
    private async Task<DashboardPage> ShowEveryTabAsync(Func<DashboardPage, string, IReadOnlyList<(string Id, Expectation Expectation, JsonNode Api)>, Task> check)
    {
        var dashboard = await site.OpenAsync("/");
        await dashboard.WaitUntilDrawnAsync();
        foreach (var tab in Tabs)
        {
            await dashboard.ClickTabAsync(tab);
            var charts = new List<(string, Expectation, JsonNode)>();
            foreach (var (id, expectation) in All.Where(e => e.Value.Tab == tab))
            {
                charts.Add((id, expectation, await site.GetJsonAsync($"/api/{expectation.Route}")));
            }

            await check(dashboard, tab, charts);
        }

        return dashboard;
    }

    private static string[] LabelsOf(Expectation expectation, JsonNode api) =>
        [.. expectation.FromApi(api).Labels.Select(l => (string)l!)];

    /// <summary>A value axis's ticks all in the card's format, or no ticks where the chart has none.</summary>
    private static void AssertTicks(string id, DrawnScale? scale, Func<double?, string>? format, bool noScale)
    {
        if (format is null)
        {
            Assert.True(noScale ? scale is null : scale is null || scale.Ticks.Count == 0, $"{id}: value ticks drawn where none are expected.");
            return;
        }

        Assert.NotNull(scale);
        Assert.True(scale.Ticks.Count >= 2, $"{id}: {scale.Ticks.Count} value ticks.");
        Assert.Equal(scale.Ticks.Select(t => format(t.Value)), scale.Ticks.Select(t => t.Text));
    }
}
