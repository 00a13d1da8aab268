using System.Text.Json.Nodes;
using HubAspire.Testing.Pipelines;
using HubAspire.Testing.Postgres;
using HubAspire.Testing.Web;
using Microsoft.Playwright;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// The whole stack the browser sees: a scale-0.01 dataset (48,500 rows) made by the real generator
/// and ETL into a fresh database, the real API on a loopback port, the real web host in its own
/// process forwarding /api/* to it, and headless Chromium. <see cref="Api"/> reads the API
/// directly, for the figures the page must show.
/// </summary>
public class DashboardSite(PostgresFixture server) : IAsyncLifetime
{
    public const double Scale = 0.01;

    private readonly TempDirectory data = new();
    private IPlaywright? playwright;

    public string ConnectionString { get; private set; } = "";

    public ApiServer ApiServer { get; private set; } = null!;

    public HostProcess Web { get; private set; } = null!;

    public HttpClient Api { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>A database name of its own, and whether the ETL loads a run into it.</summary>
    protected virtual (string Database, bool Loaded, string? FailingPath) Setup => ("web_dashboard", true, null);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var (database, loaded, failingPath) = Setup;
        ConnectionString = await server.CreateDatabaseAsync(database, cancellationToken);
        if (loaded)
        {
            await RealPipeline.GenerateAsync(data.Path, Scale, seed: 42);
            await RealPipeline.RunEtlAsync(data.Path, ConnectionString);
        }

        ApiServer = ApiServer.Start(ConnectionString, failingPath);
        Api = new HttpClient { BaseAddress = ApiServer.Address };
        Web = await WebHostProcess.StartAsync(RepositoryPaths.WebHostDll, ApiServer.Address, cancellationToken);
        playwright = await Playwright.CreateAsync();
        Browser = await Chromium.LaunchAsync(playwright);
    }

    /// <summary>
    /// A new browser page (its console recorded from the start) opened at the web host's
    /// <paramref name="pathAndQuery"/>; <paramref name="prepare"/> runs on it before it navigates.
    /// </summary>
    public async Task<DashboardPage> OpenAsync(string pathAndQuery, ViewportSize? viewport = null, Func<IPage, Task>? prepare = null)
    {
        var page = await Browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = viewport ?? DashboardDom.Desktop, AcceptDownloads = true });
        page.SetDefaultTimeout(20_000);
        var dashboard = new DashboardPage(page);
        if (prepare is not null)
        {
            await prepare(page);
        }

        await page.GotoAsync(new Uri(Web.Address, pathAndQuery).ToString());
        return dashboard;
    }

    public async Task<JsonNode> GetJsonAsync(string pathAndQuery) =>
        JsonNode.Parse(await Api.GetStringAsync(pathAndQuery, TestContext.Current.CancellationToken))!;

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        Api?.Dispose();
        if (ApiServer is not null)
        {
            await ApiServer.DisposeAsync();
        }

        data.Dispose();
        GC.SuppressFinalize(this);
    }
}

[CollectionDefinition(Name)]
public sealed class DashboardSiteCollection : ICollectionFixture<DashboardSite>
{
    public const string Name = "Dashboard over a loaded store";
}
