using System.Text.Json.Nodes;
using HubAspire.Testing.Web;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests.Support;

/// <summary>What the tests read from the dashboard page, and how they wait for it.</summary>
public sealed class DashboardPage
{
    private readonly IPage page;

    public DashboardPage(IPage page)
    {
        this.page = page;
        page.Console += (_, message) => Console.Add($"{message.Type}: {message.Text}");
        page.PageError += (_, error) => Console.Add($"uncaught: {error}");
    }

    public IPage Page => page;

    /// <summary>Waits until the visible tab's cards have all settled (drawn, empty or failed).</summary>
    public async Task WaitUntilDrawnAsync()
    {
        try
        {
            await page.WaitForFunctionAsync($"() => document.body.dataset.drawnMs !== undefined && {DashboardDom.Settled}");
        }
        catch (TimeoutException e)
        {
            var cards = await DashboardDom.CardStatesAsync(page);
            throw new TimeoutException($"The page at {page.Url} did not finish drawing. Cards: {cards}. Browser console:\n{string.Join("\n", Console)}", e);
        }
    }

    /// <summary>What the page wrote to the browser console, and its uncaught errors.</summary>
    public List<string> Console { get; } = [];

    public async Task ClickTabAsync(string tab)
    {
        await page.ClickAsync($"#tab-{tab}");
        await WaitUntilDrawnAsync();
    }

    public Task<string> ActiveTabAsync() => DashboardDom.ActiveTabAsync(page);

    /// <summary>Every chart on the visible tab: its id, the route it draws, and Chart.js's own data (labels, series values).</summary>
    public async Task<IReadOnlyDictionary<string, ChartData>> VisibleChartsAsync()
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('.panel:not([hidden]) canvas[data-chart]')].map(canvas => {
              const chart = Chart.getChart(canvas);
              return {
                id: canvas.dataset.chart,
                route: canvas.dataset.route,
                labels: chart ? chart.data.labels : null,
                series: chart ? chart.data.datasets.map(d => d.data) : null,
              };
            }))
            """);
        return JsonNode.Parse(json)!.AsArray().Select(node => new ChartData(
            (string)node!["id"]!, (string)node["route"]!, node["labels"]?.AsArray(), node["series"]?.AsArray()))
            .ToDictionary(c => c.Id);
    }

    /// <summary>KPI key → (value text, delta text or null).</summary>
    public async Task<IReadOnlyDictionary<string, (string Value, string? Delta)>> KpisAsync()
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify([...document.querySelectorAll('[data-kpi]')].map(k => ({
              key: k.dataset.kpi,
              value: k.querySelector('.kpi-value').textContent,
              delta: k.querySelector('.kpi-delta')?.textContent ?? null,
            })))
            """);
        return JsonNode.Parse(json)!.AsArray().ToDictionary(n => (string)n!["key"]!, n => ((string)n!["value"]!, (string?)n["delta"]));
    }

    public Task<string> CardStateAsync(string cardId) => page.EvalOnSelectorAsync<string>($"[data-card='{cardId}']", "c => c.dataset.state");

    public Task SaveScreenshotAsync(string name) => DashboardDom.ScreenshotAsync(page, RepositoryPaths.Screenshot(name));
}

public sealed record ChartData(string Id, string Route, JsonArray? Labels, JsonArray? Series);
