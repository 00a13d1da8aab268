using HubAspire.Testing.Pipelines;
using HubAspire.Testing.Postgres;
using HubAspire.Testing.Waiting;
using HubAspire.Web.Tests.Support;

namespace HubAspire.Web.Tests;

/// <summary>The same stack, on a database of its own that gets a second ETL run while the page is open.</summary>
public sealed class NewRunSite(PostgresFixture server) : DashboardSite(server)
{
    protected override (string Database, bool Loaded, string? FailingPath) Setup => ("web_new_run", true, null);
}

public sealed class NewRunTests(NewRunSite site) : IClassFixture<NewRunSite>
{
    [Fact]
    public async Task A_newer_run_brings_the_new_data_notice_and_its_refresh_shows_the_new_figures()
    {
        // The page's clock is Playwright's, so the 30 s check for a newer run can be fast-forwarded.
        var dashboard = await site.OpenAsync("/", prepare: page => page.Clock.InstallAsync());
        var page = dashboard.Page;
        await dashboard.WaitUntilDrawnAsync();
        var firstRun = (long)(await site.GetJsonAsync("/api/runs/latest"))["id"]!;
        Assert.StartsWith($"Run #{firstRun} ", await page.TextContentAsync("#run-line"));
        Assert.True(await page.IsHiddenAsync("#new-data"));
        var before = await dashboard.KpisAsync();

        using var data = new TempDirectory();
        await RealPipeline.GenerateAsync(data.Path, DashboardSite.Scale, seed: 7);
        var secondRun = (await RealPipeline.RunEtlAsync(data.Path, site.ConnectionString)).RunId;
        await WaitUntilServedAsync(secondRun);

        await page.Clock.FastForwardAsync("00:31");
        await page.WaitForSelectorAsync("#new-data:not([hidden])");

        await page.ClickAsync("#new-data-load");
        await page.WaitForFunctionAsync($"() => document.getElementById('run-line').textContent.startsWith('Run #{secondRun} ')");
        await dashboard.WaitUntilDrawnAsync();
        var kpis = await site.GetJsonAsync("/api/kpis");
        var shown = await dashboard.KpisAsync();
        foreach (var (key, format) in ExpectedText.KpiCards)
        {
            Assert.Equal(format(kpis[key] is { } value ? (double)value : null), shown[key].Value);
        }

        Assert.NotEqual(before, shown); // another seed: other figures
        Assert.True(await page.IsHiddenAsync("#new-data"));
    }

    private Task WaitUntilServedAsync(long runId) =>
        // The API looks for a newer run at most once a second.
        Eventually.HoldsAsync(async () => (long)(await site.GetJsonAsync("/api/runs/latest"))["id"]! == runId,
            TimeSpan.FromSeconds(10), $"The API serving run {runId}");
}
