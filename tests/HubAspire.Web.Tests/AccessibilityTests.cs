using System.Text.Json;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using HubAspire.Testing.Web;
using HubAspire.Web.Tests.Support;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests;

/// <summary>
/// An axe-core pass over every tab at desktop and phone size, and the page worked with the Tab
/// key alone: every control reached, and each one visibly focused.
/// </summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class AccessibilityTests(DashboardSite site)
{
    public static TheoryData<string> Sizes => ["desktop", "phone"];

    public static TheoryData<string, string> TabsAndSizes => new(ExpectedCharts.Tabs.SelectMany(tab => new[] { (tab, "desktop"), (tab, "phone") }));

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task No_tab_has_a_serious_or_critical_axe_violation(string size)
    {
        var found = new List<string>();
        foreach (var tab in ExpectedCharts.Tabs)
        {
            var dashboard = await site.OpenAsync($"/?tab={tab}", Viewport(size));
            await dashboard.WaitUntilDrawnAsync();
            await AfterNextFrameAsync(dashboard.Page);

            // The chart's table, hidden from sight but read by screen readers, is checked as it is;
            // then once more as shown in the chart's place by each card's "Table" toggle.
            found.AddRange(await SeriousViolationsAsync(dashboard.Page, $"{tab} at {size}"));
            foreach (var toggle in await dashboard.Page.QuerySelectorAllAsync(".panel:not([hidden]) [data-view=table]"))
            {
                await toggle.ClickAsync();
            }

            await AfterNextFrameAsync(dashboard.Page);
            found.AddRange(await SeriousViolationsAsync(dashboard.Page, $"{tab} at {size}, tables shown"));
            await dashboard.Page.CloseAsync();
        }

        Assert.True(found.Count == 0, $"axe-core found {found.Count} serious or critical violations:\n{string.Join("\n", found)}");
    }

    [Theory]
    [MemberData(nameof(TabsAndSizes))]
    public async Task The_Tab_key_reaches_every_control_from_the_top_and_each_one_shows_its_focus(string tab, string size)
    {
        var dashboard = await site.OpenAsync($"/?tab={tab}", Viewport(size));
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();
        await AfterNextFrameAsync(page);

        // Every control a keyboard user should reach, marked with its place in the page, and its
        // outline and shadow while nothing has focus.
        var controls = Parse<Control[]>(await page.EvaluateAsync<string>($$"""
            () => {
              const describe = {{DescribeControl}};
              return JSON.stringify([...document.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]')]
                .filter((element) => element.tabIndex >= 0 && element.checkVisibility({ visibilityProperty: true }) && !element.closest('.visually-hidden'))
                .map((element, index) => {
                  element.dataset.keyboardCheck = String(index);
                  return describe(element);
                }));
            }
            """));
        Assert.Contains(controls, c => c.Name == "run details (JSON)"); // the footer link: the last control
        await page.EvaluateAsync("() => document.activeElement?.blur()");

        var reached = new List<Control>();
        for (var press = 0; press < (2 * controls.Length) + 20; press++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focused = Parse<Control?>(await page.EvaluateAsync<string>($$"""
                () => {
                  const element = document.activeElement;
                  return !element || element === document.body ? 'null' : JSON.stringify(({{DescribeControl}})(element));
                }
                """));
            if (reached.Count > 0 && focused?.Index == reached[^1].Index && focused.Index >= 0)
            {
                continue; // a month input's next field (month, then year): the same control
            }

            if (focused is null || reached.Any(r => r.Index == focused.Index && r.Index >= 0))
            {
                break; // past the last control: focus left the page or came round again
            }

            reached.Add(focused);
        }

        var notListed = reached.Where(r => r.Index < 0).Select(r => r.Name).ToList();
        Assert.True(notListed.Count == 0, $"On the {tab} tab at {size} the Tab key reached controls that are not visible: {string.Join(", ", notListed)}");
        var missed = controls.Where(c => reached.All(r => r.Index != c.Index)).Select(c => c.Name).ToList();
        Assert.True(missed.Count == 0, $"On the {tab} tab at {size} the Tab key never reached: {string.Join(", ", missed)}. It reached: {string.Join(", ", reached.Select(r => r.Name))}");
        Assert.True(reached.Select(r => r.Index).SequenceEqual(controls.Select(c => c.Index)),
            $"On the {tab} tab at {size} the Tab key went {string.Join(", ", reached.Select(r => r.Name))}, not in the page's order {string.Join(", ", controls.Select(c => c.Name))}.");

        var unseen = reached.Select(r => (Focused: r, Unfocused: controls[r.Index]))
            .Where(pair => !ShowsFocus(pair.Focused) || pair.Focused.Outline + pair.Focused.Shadow == pair.Unfocused.Outline + pair.Unfocused.Shadow)
            .Select(pair => $"{pair.Focused.Name} (focused: outline {pair.Focused.Outline}, shadow {pair.Focused.Shadow}; unfocused: outline {pair.Unfocused.Outline}, shadow {pair.Unfocused.Shadow})")
            .ToList();
        Assert.True(unseen.Count == 0, $"On the {tab} tab at {size} these controls do not show that they have focus:\n{string.Join("\n", unseen)}");
        await page.CloseAsync();
    }

    [Fact]
    public async Task The_tab_bars_arrow_keys_Home_and_End_move_between_tabs_and_keep_one_tab_stop()
    {
        var dashboard = await site.OpenAsync("/?tab=overview");
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();

        await page.FocusAsync("#tab-overview");
        foreach (var (key, expected) in new[] { ("ArrowRight", "revenue"), ("End", "companies"), ("ArrowRight", "overview"), ("ArrowLeft", "companies"), ("Home", "overview") })
        {
            await page.Keyboard.PressAsync(key);
            await dashboard.WaitUntilDrawnAsync();
            Assert.Equal(expected, await dashboard.ActiveTabAsync());
            Assert.Equal($"tab-{expected}", await page.EvaluateAsync<string>("() => document.activeElement.id"));
            var stops = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[role=tab]')].filter(t => t.tabIndex >= 0).map(t => t.dataset.tab)");
            Assert.Equal([expected], stops);
            Assert.Equal(expected == "overview" ? "" : $"?tab={expected}", new Uri(page.Url).Query);
        }

        await page.CloseAsync();
    }

    /// <summary>
    /// A JavaScript function: a control's place in the list (-1 when not listed), its accessible
    /// name, and its outline and shadow as computed now.
    /// </summary>
    private const string DescribeControl = """
        (element) => {
          const style = getComputedStyle(element);
          return {
            index: Number(element.dataset.keyboardCheck ?? -1),
            name: (element.getAttribute('aria-label') ?? element.labels?.[0]?.textContent ?? element.textContent).trim(),
            outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
            shadow: style.boxShadow,
          };
        }
        """;

    /// <summary>
    /// Waits until the browser has drawn a frame: a table's scroller learns whether it scrolls (and
    /// so whether it is a tab stop) from a resize observer, which reports as a frame is drawn.
    /// </summary>
    private static Task AfterNextFrameAsync(IPage page) =>
        page.EvaluateAsync("() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))");

    private static T Parse<T>(string json) => JsonSerializer.Deserialize<T>(json, JsonSerializerOptions.Web)!;

    private static ViewportSize Viewport(string size) => size == "phone" ? DashboardDom.Phone : DashboardDom.Desktop;

    private static bool ShowsFocus(Control focused)
    {
        var outline = focused.Outline.Split(' ');
        var hasOutline = outline[0] != "none" && outline[1] != "0px";
        return hasOutline || focused.Shadow != "none";
    }

    private static async Task<IEnumerable<string>> SeriousViolationsAsync(IPage page, string where)
    {
        var result = await page.RunAxe();
        var lesser = result.Violations.Where(v => v.Impact is not ("serious" or "critical")).Select(v => Describe(v, where));
        foreach (var line in lesser)
        {
            TestContext.Current.TestOutputHelper?.WriteLine($"(not failing) {line}");
        }

        return result.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => Describe(v, where)).ToList();
    }

    private static string Describe(AxeResultItem violation, string where) =>
        $"{where}: {violation.Id} ({violation.Impact}) at {string.Join(" | ", violation.Nodes.Select(n => n.Target?.ToString()))}: {violation.Help}";

    public sealed record Control(int Index, string Name, string Outline, string Shadow);
}
