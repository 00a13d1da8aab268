using Microsoft.Playwright;

namespace HubAspire.Testing.Web;

/// <summary>
/// What the browser tests and the web benchmark know of the dashboard page (web/HubAspire.Web/wwwroot):
/// the window sizes they use, and the page's own markers of a tab being drawn, written once.
/// </summary>
public static class DashboardDom
{
    public static readonly ViewportSize Desktop = new() { Width = 1440, Height = 1000 };

    public static readonly ViewportSize Phone = new() { Width = 390, Height = 844 };

    /// <summary>
    /// A JavaScript condition: the header shows the served run (and the period filter knows the
    /// data's range), no tab is loading, and every card of the visible tab has settled (drawn,
    /// empty or failed).
    /// </summary>
    public const string Settled =
        "document.body.dataset.run !== undefined && document.body.dataset.loading === undefined && [...document.querySelectorAll('.panel:not([hidden]) .card')].every(c => c.dataset.state && c.dataset.state !== 'loading')";

    /// <summary>The id of the tab shown.</summary>
    public static Task<string> ActiveTabAsync(IPage page) => page.EvalOnSelectorAsync<string>("[role=tab][aria-selected=true]", "t => t.dataset.tab");

    /// <summary>A JavaScript condition: no chart on the page is still animating its first draw.</summary>
    public const string ChartsIdle =
        "Object.values(Chart.instances).every(chart => chart.getSortedVisibleDatasetMetas().every(meta => meta.data.every(element => Object.values(element.$animations ?? {}).every(animation => !animation._active))))";

    /// <summary>
    /// The whole page as a person scrolling it sees it, once the charts have finished drawing. The
    /// page's fixed background covers only the window, so the window is made as tall as the page
    /// for the capture, then restored.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string path)
    {
        var window = page.ViewportSize!;
        var height = await page.EvaluateAsync<int>("() => document.documentElement.scrollHeight");
        await page.SetViewportSizeAsync(window.Width, Math.Max(window.Height, height));
        await page.WaitForFunctionAsync($"() => {ChartsIdle}");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        await page.SetViewportSizeAsync(window.Width, window.Height);
    }

    /// <summary>Every card's id and state (<c>overview-kpis:ready, …</c>), for the message of a wait that timed out.</summary>
    public static Task<string> CardStatesAsync(IPage page) =>
        page.EvaluateAsync<string>("() => [...document.querySelectorAll('.card')].map(c => c.dataset.card + ':' + c.dataset.state).join(', ')");
}
