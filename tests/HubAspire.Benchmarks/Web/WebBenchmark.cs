using HubAspire.Benchmarks.Api;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Web;
using Microsoft.Playwright;

namespace HubAspire.Benchmarks.Web;

/// <summary>
/// The dashboard's load times at full scale, as a browser on the same machine sees them: the real
/// web host (Release) over the real API over the full-scale store, headless Chromium driven by
/// Playwright, a fresh browser context (no HTTP cache) per run. The figures are the page's own
/// (<see cref="TimedDashboardPage"/>). Then full-page screenshots of every tab for the README.
/// </summary>
public static class WebBenchmark
{
    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = BenchmarkOptions.Parse(args).Runs;

        // Built by this project's reference to the web project, in the benchmark's configuration (Release).
        var webHostDll = WebHostProcess.BuiltDll("Release");
        Console.WriteLine($"web: the real web host (Release, Production) over the real API, headless Chromium; {Environment.ProcessorCount} cores shared by them and PostgreSQL");

        using var client = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        await using var store = await ServedStore.StartAsync(client, cancellationToken);
        await using var web = await WebHostProcess.StartAsync(webHostDll, store.Api.BaseAddress, cancellationToken);
        Console.WriteLine($"web host: {webHostDll} serving {web.Address}, /api/* forwarded to {store.Api.BaseAddress}");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        Console.WriteLine($"browser: Chromium {browser.Version}, headless, {DashboardDom.Desktop.Width}×{DashboardDom.Desktop.Height}, a fresh context (no HTTP cache) per run");

        var results = new List<WebRun>();
        for (var run = 1; run <= runs; run++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await MeasureAsync(browser, web.Address);
            results.Add(result);
            Console.WriteLine($"  run {run}{(run == 1 ? " (cold API cache)" : "")}: {result.FirstTab} drawn {result.NavigationMs:F0} ms after navigation; "
                + string.Join(", ", result.Tabs.Select(t => $"{t.Id} {t.Milliseconds:F0}")) + " ms after the click");
        }

        cancellationToken.ThrowIfCancellationRequested();
        var screenshots = Path.Combine(RepositoryRoot.Path, "docs", "screenshots");
        var (written, screenshotProblems) = await ScreenshotsAsync(browser, web.Address, screenshots);

        Console.WriteLine();
        WebReport.Print(results, screenshotProblems);
        Console.WriteLine();
        Console.WriteLine($"screenshots (full page, {DashboardDom.Desktop.Width}×{DashboardDom.Desktop.Height} and {DashboardDom.Phone.Width}×{DashboardDom.Phone.Height}) written to {screenshots}: {string.Join(", ", written)}");
        return results.Any(r => r.Broke || r.UndrawnCards.Any(c => c.State == "error")) ? 1 : 0;
    }

    /// <summary>One run: open the page, wait for the first tab, then click every other tab in turn.</summary>
    private static async Task<WebRun> MeasureAsync(IBrowser browser, Uri address)
    {
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = DashboardDom.Desktop });
        var (page, navigation) = await TimedDashboardPage.OpenAsync(context, address);
        var first = await page.ActiveTabAsync();
        var undrawn = (await page.UndrawnCardsAsync()).Select(c => ($"{first}/{c.Card}", c.State)).ToList();
        var tabs = new List<(string, double)>();
        foreach (var id in (await page.TabIdsAsync()).Where(id => id != first))
        {
            tabs.Add((id, await page.ClickAsync(id)));
            undrawn.AddRange((await page.UndrawnCardsAsync()).Select(c => ($"{id}/{c.Card}", c.State)));
        }

        return new WebRun(first, navigation, tabs, await page.ApiRequestsAsync(), undrawn, page.Problems, page.Broke);
    }

    /// <summary>
    /// Every tab at desktop width and the first at phone width, full page, into <paramref name="directory"/>
    /// (<c>desktop-&lt;tab&gt;.png</c>, <c>phone-&lt;tab&gt;.png</c>, overwritten); their names, and the pages' problems.
    /// </summary>
    private static async Task<(List<string> Names, List<string> Problems)> ScreenshotsAsync(IBrowser browser, Uri address, string directory)
    {
        Directory.CreateDirectory(directory);
        var names = new List<string>();
        var problems = new List<string>();
        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = DashboardDom.Desktop }))
        {
            var (page, _) = await TimedDashboardPage.OpenAsync(context, address);
            var first = await page.ActiveTabAsync();
            foreach (var id in await page.TabIdsAsync())
            {
                if (id != first)
                {
                    await page.ClickAsync(id);
                }

                names.Add(await SaveAsync(page, $"desktop-{id}.png"));
            }

            problems.AddRange(page.Problems);
        }

        await using (var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = DashboardDom.Phone }))
        {
            var (page, _) = await TimedDashboardPage.OpenAsync(context, address);
            names.Add(await SaveAsync(page, $"phone-{await page.ActiveTabAsync()}.png"));
            problems.AddRange(page.Problems);
        }

        return (names, problems);

        async Task<string> SaveAsync(TimedDashboardPage page, string name)
        {
            await page.ScreenshotAsync(Path.Combine(directory, name));
            return name;
        }
    }
}
