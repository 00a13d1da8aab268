using System.Globalization;
using System.Text.Json;
using HubAspire.Testing.Web;
using Microsoft.Playwright;

namespace HubAspire.Benchmarks.Web;

/// <summary>
/// The dashboard page in a browser, read through the timings it records itself on
/// <c>document.body.dataset</c> (see web/HubAspire.Web/wwwroot/js/main.js, <c>render()</c>):
/// <c>firstDrawnMs</c>, when the first tab shown finished drawing, in ms since navigation start;
/// <c>drawnMs</c>, how long the last tab shown took from handling the click to all its cards drawn;
/// <c>loading</c>, present while a tab draws. It also keeps what went wrong on the page.
/// </summary>
public sealed class TimedDashboardPage
{
    private const float WaitMilliseconds = 60_000;

    private readonly IPage page;

    private TimedDashboardPage(IPage page)
    {
        this.page = page;
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                Problems.Add($"console {message.Type}: {message.Text}");
            }
        };
        page.PageError += (_, error) =>
        {
            Problems.Add($"uncaught: {error}");
            Broke = true;
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Problems.Add($"HTTP {response.Status}: {response.Url}");
                Broke = true;
            }
        };
    }

    /// <summary>Console errors and warnings, uncaught errors and failed responses, in order.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Whether the page broke: an uncaught error or a response of 400 or more.</summary>
    public bool Broke { get; private set; }

    /// <summary>
    /// Opens <paramref name="address"/> in a new page of <paramref name="context"/> and waits until
    /// the first tab has drawn; the page's <c>firstDrawnMs</c>, and where the time went before it.
    /// </summary>
    public static async Task<(TimedDashboardPage Page, NavigationTimes Times)> OpenAsync(IBrowserContext context, Uri address)
    {
        var dashboard = new TimedDashboardPage(await context.NewPageAsync());
        dashboard.page.SetDefaultTimeout(WaitMilliseconds);
        await dashboard.page.GotoAsync(address.ToString());
        await dashboard.WaitAsync("document.body.dataset.firstDrawnMs !== undefined");
        var json = await dashboard.page.EvaluateAsync<string>("""
            () => {
              const navigation = performance.getEntriesByType('navigation')[0];
              const resources = performance.getEntriesByType('resource');
              const api = resources.filter(e => new URL(e.name).pathname.startsWith('/api/'));
              const files = resources.filter(e => !api.includes(e));
              return JSON.stringify({
                htmlMs: navigation.responseEnd,
                staticFiles: files.length,
                lastStaticFileMs: Math.max(0, ...files.map(e => e.responseEnd)),
                domReadyMs: navigation.domContentLoadedEventEnd,
                firstApiRequestMs: Math.min(...api.map(e => e.startTime)),
                lastApiResponseMs: Math.max(...api.map(e => e.responseEnd)),
                firstDrawnMs: Number(document.body.dataset.firstDrawnMs),
              });
            }
            """);
        return (dashboard, JsonSerializer.Deserialize<NavigationTimes>(json, JsonSerializerOptions.Web)!);
    }

    /// <summary>The ids of the tabs, in the page's order.</summary>
    public async Task<IReadOnlyList<string>> TabIdsAsync() =>
        await page.EvalOnSelectorAllAsync<string[]>("[role=tab]", "tabs => tabs.map(t => t.dataset.tab)");

    /// <summary>The id of the tab shown.</summary>
    public Task<string> ActiveTabAsync() => DashboardDom.ActiveTabAsync(page);

    /// <summary>Clicks tab <paramref name="id"/> and waits until it has drawn; the page's <c>drawnMs</c> for it.</summary>
    public async Task<double> ClickAsync(string id)
    {
        // The previous tab's figure goes first, so the wait below cannot end on it.
        await page.EvaluateAsync("() => { delete document.body.dataset.drawnMs; }");
        await page.ClickAsync($"#tab-{id}");
        await WaitAsync("document.body.dataset.drawnMs !== undefined");
        return await ReadAsync("drawnMs");
    }

    /// <summary>Cards of the visible tab that settled in another state than drawn (<c>error</c>, <c>empty</c>).</summary>
    public async Task<IReadOnlyList<(string Card, string State)>> UndrawnCardsAsync()
    {
        var cards = await page.EvaluateAsync<string[][]>(
            "() => [...document.querySelectorAll('.panel:not([hidden]) .card')].filter(c => c.dataset.state !== 'ready').map(c => [c.dataset.card, c.dataset.state])");
        return [.. cards.Select(c => (c[0], c[1]))];
    }

    /// <summary>Every <c>/api/</c> request the page made so far, with its duration as the browser saw it (Resource Timing).</summary>
    public async Task<IReadOnlyList<ApiRequest>> ApiRequestsAsync()
    {
        var json = await page.EvaluateAsync<string>("""
            () => JSON.stringify(performance.getEntriesByType('resource')
              .filter(e => new URL(e.name).pathname.startsWith('/api/'))
              .map(e => ({ path: new URL(e.name).pathname + new URL(e.name).search, milliseconds: e.responseEnd - e.startTime })))
            """);
        return JsonSerializer.Deserialize<ApiRequest[]>(json, JsonSerializerOptions.Web)!;
    }

    /// <summary>The whole page, once its charts have finished drawing.</summary>
    public Task ScreenshotAsync(string path) => DashboardDom.ScreenshotAsync(page, path);

    private async Task WaitAsync(string condition)
    {
        try
        {
            await page.WaitForFunctionAsync($"() => {condition} && {DashboardDom.Settled}");
        }
        catch (TimeoutException e)
        {
            var cards = await DashboardDom.CardStatesAsync(page);
            throw new TimeoutException(
                $"The page at {page.Url} did not finish drawing within {WaitMilliseconds / 1000:F0} s. Cards: {cards}. Problems:\n{string.Join("\n", Problems)}", e);
        }
    }

    private async Task<double> ReadAsync(string name) =>
        double.Parse(await page.EvaluateAsync<string>($"() => document.body.dataset.{name}"), CultureInfo.InvariantCulture);
}

/// <summary>One request to the API as the browser timed it: request start to response end.</summary>
public sealed record ApiRequest(string Path, double Milliseconds);

/// <summary>
/// Milestones of a navigation, in ms since its start: the HTML received; the other files the page
/// loaded (scripts, styles, icons), how many and when the last arrived; the scripts run
/// (DOMContentLoaded); the first <c>/api/</c> request sent and the last answered; the first tab
/// drawn (the page's <c>firstDrawnMs</c>).
/// </summary>
public sealed record NavigationTimes(
    double HtmlMs, int StaticFiles, double LastStaticFileMs, double DomReadyMs, double FirstApiRequestMs, double LastApiResponseMs, double FirstDrawnMs);
