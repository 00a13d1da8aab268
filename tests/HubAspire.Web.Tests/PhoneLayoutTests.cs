using System.Text.Json;
using HubAspire.Testing.Web;
using HubAspire.Web.Tests.Support;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests;

/// <summary>
/// The page on a 390×844 phone: the active tab in sight in the sideways-scrolling tab bar, tables
/// that show they scroll, and a header that leaves the screen to the figures.
/// </summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class PhoneLayoutTests(DashboardSite site)
{
    public static TheoryData<string> Tabs => new(ExpectedCharts.Tabs);

    [Theory]
    [MemberData(nameof(Tabs))]
    public async Task A_tab_opened_from_its_URL_is_scrolled_into_the_tab_bar_and_the_page_stays_at_the_top(string tab)
    {
        var dashboard = await site.OpenAsync($"/?tab={tab}", DashboardDom.Phone);
        await dashboard.WaitUntilDrawnAsync();

        Assert.Equal(0, await dashboard.Page.EvaluateAsync<double>("() => window.scrollY"));
        await AssertActiveTabInSightAsync(dashboard.Page, $"opened from /?tab={tab}");
        await SaveFirstScreenAsync(dashboard.Page, $"phone-tab-{tab}");
        await dashboard.Page.CloseAsync();
    }

    [Fact]
    public async Task The_tab_chosen_with_the_arrow_keys_Home_and_End_is_scrolled_into_the_tab_bar()
    {
        var dashboard = await site.OpenAsync("/", DashboardDom.Phone);
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();

        await page.FocusAsync("#tab-overview");
        foreach (var (key, expected) in new[] { ("End", "companies"), ("ArrowLeft", "web"), ("Home", "overview"), ("ArrowLeft", "companies"), ("ArrowRight", "overview") })
        {
            await page.Keyboard.PressAsync(key);
            await dashboard.WaitUntilDrawnAsync();
            Assert.Equal(expected, await dashboard.ActiveTabAsync());
            await AssertActiveTabInSightAsync(page, $"after {key}");
        }

        await page.CloseAsync();
    }

    [Fact]
    public async Task A_table_wider_than_the_phone_fades_at_its_cut_edge_and_the_page_never_scrolls_sideways()
    {
        var dashboard = await site.OpenAsync("/", DashboardDom.Phone);
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();

        var wide = 0;
        foreach (var tab in ExpectedCharts.Tabs)
        {
            await dashboard.ClickTabAsync(tab);
            wide += await AssertTablesSignalTheirCutEdgesAsync(page, tab);

            // The charts' tables too, shown in the charts' place.
            foreach (var toggle in await page.QuerySelectorAllAsync(".panel:not([hidden]) [data-view=table]"))
            {
                await toggle.ClickAsync();
            }

            wide += await AssertTablesSignalTheirCutEdgesAsync(page, $"{tab} (charts as tables)");
            var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
            Assert.True(widths[0] <= widths[1], $"With its tables shown, the {tab} tab is {widths[0]} px wide in a {widths[1]} px viewport.");
        }

        Assert.True(wide > 0, "No table is wider than a phone: this test checks nothing (pick a wider table).");
        await page.CloseAsync();
    }

    [Fact]
    public async Task Every_charts_category_labels_stay_inside_the_chart_on_a_phone()
    {
        var dashboard = await site.OpenAsync("/", DashboardDom.Phone);
        await dashboard.WaitUntilDrawnAsync();

        foreach (var tab in ExpectedCharts.Tabs)
        {
            await dashboard.ClickTabAsync(tab);
            // Each label's horizontal extent as Chart.js draws it: centred on its tick when level,
            // ending at its tick when slanted (it runs down and to the left), ending at the axis
            // when the axis is on the left (horizontal bars).
            var outside = await dashboard.Page.EvaluateAsync<string[]>("""
                () => [...document.querySelectorAll('.panel:not([hidden]) canvas[data-chart]')].flatMap(canvas => {
                  const chart = Chart.getChart(canvas);
                  const scale = chart && Object.values(chart.scales).find(s => s.type === 'category');
                  if (!scale) return [];
                  const widths = scale._getLabelSizes().widths;
                  const slant = scale.labelRotation * Math.PI / 180;
                  return scale.ticks.flatMap((tick, i) => {
                    const at = scale.getPixelForTick(i);
                    const [left, right] = scale.position === 'left' ? [scale.right - widths[i], scale.right]
                      : slant === 0 ? [at - widths[i] / 2, at + widths[i] / 2] : [at - widths[i] * Math.cos(slant), at];
                    return left < -1 || right > chart.width + 1 ? [`${canvas.dataset.chart} '${tick.label}' (${Math.round(left)}–${Math.round(right)} px of ${chart.width})`] : [];
                  });
                })
                """);
            Assert.True(outside.Length == 0, $"On the {tab} tab at 390 px these labels run off their chart: {string.Join(", ", outside)}");
        }

        await dashboard.Page.CloseAsync();
    }

    [Fact]
    public async Task The_header_takes_at_most_a_quarter_of_the_first_screen_and_its_period_filter_still_works()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue", DashboardDom.Phone);
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();
        await SaveFirstScreenAsync(page, "phone-header");

        var header = (await page.Locator("header.header").BoundingBoxAsync())!;
        TestContext.Current.TestOutputHelper?.WriteLine($"The header at 390×844: {header.Height} px high.");
        var quarter = DashboardDom.Phone.Height / 4;
        Assert.True(header.Height <= quarter, $"At 390×844 the header is {header.Height} px high, more than a quarter of the screen ({quarter} px).");

        // Every part of the filter is in the header, inside the screen's width, and big enough to tap.
        var controls = new[] { "[data-preset='all']", "[data-preset='last-12']", "[data-preset='last-quarter']", "[data-preset='ytd']", "#period-from", "#period-to", "#period-form button[type=submit]", "#refresh" };
        foreach (var selector in controls)
        {
            var control = page.Locator(selector);
            await control.ScrollIntoViewIfNeededAsync();
            var box = (await control.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= DashboardDom.Phone.Width, $"{selector} lies at x {box.X}–{box.X + box.Width}, outside the 390 px screen.");
            Assert.True(box.Height >= 24 && box.Width >= 24, $"{selector} is {box.Width}×{box.Height} px, smaller than a 24 px target.");
            Assert.True(await control.EvaluateAsync<bool>("(element) => element.closest('header.header') !== null && element.checkVisibility({ visibilityProperty: true })"), $"{selector} is not shown in the header.");
        }

        Assert.Equal(0, await page.EvaluateAsync<double>("() => window.scrollY"));
        await page.ClickAsync("[data-preset='last-quarter']");
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal("true", await page.GetAttributeAsync("[data-preset='last-quarter']", "aria-pressed"));

        await page.FillAsync("#period-from", "2024-02");
        await page.FillAsync("#period-to", "2024-04");
        await page.ClickAsync("#period-form button[type=submit]");
        await dashboard.WaitUntilDrawnAsync();
        Assert.Equal("?tab=revenue&from=2024-02&to=2024-04", new Uri(page.Url).Query);

        var desktop = await site.OpenAsync("/?tab=revenue");
        await desktop.WaitUntilDrawnAsync();
        await SaveFirstScreenAsync(desktop.Page, "desktop-header");
        var desktopHeader = (await desktop.Page.Locator("header.header").BoundingBoxAsync())!;
        TestContext.Current.TestOutputHelper?.WriteLine($"The header at 1440×1000: {desktopHeader.Height} px high.");
        Assert.True(desktopHeader.Height <= DashboardDom.Desktop.Height / 4, $"At 1440×1000 the header is {desktopHeader.Height} px high.");
        await page.CloseAsync();
        await desktop.Page.CloseAsync();
    }

    /// <summary>What a person sees first (not the whole page), for a person to look at.</summary>
    private static Task SaveFirstScreenAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = RepositoryPaths.Screenshot(name), Animations = ScreenshotAnimations.Disabled });

    /// <summary>A table as its scroller shows it (with its fades), for a person to look at.</summary>
    private static Task SaveTableAsync(ILocator scroller, string name) =>
        scroller.ScreenshotAsync(new LocatorScreenshotOptions { Path = RepositoryPaths.Screenshot(name) });

    /// <summary>The active tab's button lies inside the tab bar's visible (scrolled) box.</summary>
    private static async Task AssertActiveTabInSightAsync(IPage page, string when)
    {
        var boxes = JsonSerializer.Deserialize<double[]>(await page.EvaluateAsync<string>("""
            () => {
              const bar = document.querySelector('nav.tabs');
              const tab = bar.querySelector('[role=tab][aria-selected=true]');
              const outer = bar.getBoundingClientRect();
              const left = outer.left + bar.clientLeft;
              const box = tab.getBoundingClientRect();
              return JSON.stringify([box.left, box.right, left, left + bar.clientWidth, bar.scrollWidth > bar.clientWidth ? 1 : 0]);
            }
            """))!;
        var (tabLeft, tabRight, barLeft, barRight) = (boxes[0], boxes[1], boxes[2], boxes[3]);
        var tab = await DashboardDom.ActiveTabAsync(page);
        Assert.True(boxes[4] == 1, "At 390 px the tab bar does not overflow: this test checks nothing.");
        Assert.True(tabLeft >= barLeft - 0.5 && tabRight <= barRight + 0.5,
            $"{when}: the {tab} tab spans x {tabLeft:0.#}–{tabRight:0.#}, outside the tab bar's visible x {barLeft:0.#}–{barRight:0.#}.");
    }

    /// <summary>
    /// Each visible table scroller whose table is wider than itself fades at the edge where the
    /// table is cut (and only there): at the start the right edge, at the end the left edge.
    /// Returns how many such tables the tab has.
    /// </summary>
    private static async Task<int> AssertTablesSignalTheirCutEdgesAsync(IPage page, string where)
    {
        var scrollers = page.Locator(".panel:not([hidden]) .table-scroll:visible");
        var wide = 0;
        for (var i = 0; i < await scrollers.CountAsync(); i++)
        {
            var scroller = scrollers.Nth(i);
            if (await scroller.EvaluateAsync<bool>("(s) => s.closest('.visually-hidden') !== null"))
            {
                continue; // a chart's table read by screen readers only
            }

            var name = await scroller.EvaluateAsync<string>("(s) => s.querySelector('caption')?.textContent ?? ''");
            var card = await scroller.EvaluateAsync<string>("(s) => s.closest('[data-card]').dataset.card");
            var overflows = await scroller.EvaluateAsync<bool>("(s) => s.scrollWidth > s.clientWidth + 1");
            await scroller.EvaluateAsync("(s) => { s.scrollLeft = 0; }");
            if (!overflows)
            {
                await AssertCutEdgesAsync(scroller, "", $"{where}: the table \"{name}\" fits the screen yet");
                continue;
            }

            wide++;
            await AssertCutEdgesAsync(scroller, "end", $"{where}: the table \"{name}\" is cut on the right at its start, yet");
            await SaveTableAsync(scroller, $"phone-table-{card}-start");
            await scroller.EvaluateAsync("(s) => { s.scrollLeft = s.scrollWidth; }");
            await AssertCutEdgesAsync(scroller, "start", $"{where}: the table \"{name}\" is cut on the left when scrolled to its end, yet");
            await SaveTableAsync(scroller, $"phone-table-{card}-end");
            await scroller.EvaluateAsync("(s) => { s.scrollLeft = 0; }");
        }

        return wide;
    }

    /// <summary>
    /// Waits for the scroller to mark the edges where its table is cut (scroll events arrive
    /// after the scroll), then checks that the mark draws something: a fading mask.
    /// </summary>
    private static async Task AssertCutEdgesAsync(ILocator scroller, string edges, string what)
    {
        try
        {
            await scroller.Page.WaitForFunctionAsync("([s, edges]) => (s.dataset.cut ?? '') === edges", new object[] { await scroller.ElementHandleAsync(), edges }, new PageWaitForFunctionOptions { Timeout = 5_000 });
        }
        catch (TimeoutException e)
        {
            var marked = await scroller.EvaluateAsync<string?>("(s) => s.dataset.cut ?? null");
            throw new TimeoutException($"{what} it marks its cut edges as \"{marked}\", not \"{edges}\".", e);
        }

        var mask = await scroller.EvaluateAsync<string>("(s) => getComputedStyle(s).maskImage");
        if (edges == "")
        {
            Assert.True(mask == "none", $"{what} it fades at an edge: mask {mask}.");
        }
        else
        {
            Assert.True(mask.Contains("linear-gradient", StringComparison.Ordinal), $"{what} it does not fade there: mask {mask}.");
        }
    }
}
