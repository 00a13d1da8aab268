using HubAspire.Web.Tests.Support;

namespace HubAspire.Web.Tests;

/// <summary>
/// Each API request the page makes is made once: a tab's first show asks for each route its cards
/// need that no earlier tab fetched, once, however many cards share it; showing a tab again asks
/// for nothing (the responses are kept until the served run changes).
/// </summary>
[Collection(DashboardSiteCollection.Name)]
public sealed class RequestTests(DashboardSite site)
{
    [Fact]
    public async Task Every_route_is_requested_once_per_run_and_a_tab_shown_again_requests_nothing()
    {
        var requests = new List<string>();
        var dashboard = await site.OpenAsync("/", prepare: page =>
        {
            page.Request += (_, request) =>
            {
                var path = new Uri(request.Url).PathAndQuery;
                // The served run is polled on a timer, not per tab: left out.
                if (path.StartsWith("/api/", StringComparison.Ordinal) && path != "/api/runs/latest")
                {
                    lock (requests)
                    {
                        requests.Add(path);
                    }
                }
            };
            return Task.CompletedTask;
        });
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();

        var fetched = new HashSet<string>();
        foreach (var tab in ExpectedCharts.Tabs.Concat(ExpectedCharts.Tabs))
        {
            if (tab != "overview" || fetched.Count > 0)
            {
                await dashboard.ClickTabAsync(tab);
            }

            string[] made;
            lock (requests)
            {
                made = [.. requests];
                requests.Clear();
            }

            var routes = await page.EvalOnSelectorAllAsync<string[]>($"#panel-{tab} .card", "cards => [...new Set(cards.map(c => c.dataset.route))]");
            var expected = routes.Select(r => $"/api/{r}").Where(p => !fetched.Contains(p)).ToList();
            if (fetched.Count == 0)
            {
                expected.Add("/api/meta"); // the data range, read once with the served run
            }

            Assert.Equal(expected.Order(), made.Order());
            fetched.UnionWith(made);
        }

        Assert.DoesNotContain(dashboard.Console, line => line.StartsWith("error:") || line.StartsWith("uncaught:"));
    }
}
