using HubAspire.Testing.Postgres;
using HubAspire.Web.Tests.Support;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests;

/// <summary>The same stack with an API whose /api/deals/region answers 500.</summary>
public sealed class FailingEndpointSite(PostgresFixture server) : DashboardSite(server)
{
    protected override (string Database, bool Loaded, string? FailingPath) Setup => ("web_failing", true, "/api/deals/region");
}

/// <summary>The same stack before the ETL's first run: the API answers 503 no-run-yet.</summary>
public sealed class NoRunSite(PostgresFixture server) : DashboardSite(server)
{
    protected override (string Database, bool Loaded, string? FailingPath) Setup => ("web_no_run", false, null);
}

public sealed class FailingEndpointTests(FailingEndpointSite site) : IClassFixture<FailingEndpointSite>
{
    [Fact]
    public async Task One_failing_endpoint_shows_an_error_on_its_card_every_other_card_works_and_Retry_draws_it_once_mended()
    {
        var dashboard = await site.OpenAsync("/?tab=revenue");
        await dashboard.WaitUntilDrawnAsync();

        Assert.Equal("error", await dashboard.CardStateAsync("revenue-by-region"));
        Assert.Contains("The API answered 500.", await dashboard.Page.TextContentAsync("[data-card='revenue-by-region'] .card-status"));
        foreach (var card in new[] { "revenue-trend", "revenue-quarterly", "deal-funnel", "revenue-by-industry", "revenue-by-pipeline" })
        {
            Assert.Equal("ready", await dashboard.CardStateAsync(card));
        }

        var retry = dashboard.Page.GetByRole(AriaRole.Button, new() { Name = "Retry" });
        Assert.True(await retry.IsVisibleAsync(), "The failed card offers a retry.");

        site.ApiServer.Heal();
        await retry.ClickAsync();
        await dashboard.Page.WaitForSelectorAsync("[data-card='revenue-by-region'][data-state='ready']");
        Assert.False(await dashboard.Page.IsVisibleAsync("[data-card='revenue-by-region'] .card-status"), "The error stays after a successful retry.");
        var regions = await site.GetJsonAsync("/api/deals/region");
        var drawn = (await DrawnChart.ReadVisibleAsync(dashboard.Page))["revenue-by-region"];
        Assert.Equal(regions["labels"]!.AsArray().Select(l => (string)l!), drawn.CategoryScale.Ticks.Select(t => t.Text));
    }
}

public sealed class NoRunTests(NoRunSite site) : IClassFixture<NoRunSite>
{
    [Fact]
    public async Task Before_the_first_run_the_page_says_the_ETL_has_not_completed_one()
    {
        var page = (await site.OpenAsync("/")).Page;
        await page.WaitForSelectorAsync("#no-run:not([hidden])");

        Assert.Equal("No data yet", await page.InnerTextAsync("#no-run h2"));
        Assert.Contains("ETL", await page.TextContentAsync("#no-run-message"));
        Assert.False(await page.IsVisibleAsync("#panels"));
        Assert.Equal("No run served yet", await page.TextContentAsync("#run-line"));
    }
}
