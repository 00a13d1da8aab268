using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HubAspire.AppHost.Operations;
using HubAspire.AppHost.Postgres;
using HubAspire.Testing.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// The whole application as one: generator → ETL → API → web, reached through the web's origin as
/// a browser would, and the operator commands of the Aspire dashboard.
/// </summary>
[Collection(WholeApplicationCollection.Name)]
public sealed class WholeApplicationTests(ExecutableProviderApp app)
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Through_the_webs_origin_the_API_reports_the_manifests_row_counts()
    {
        using var web = await WebClientAsync();
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(app.Run.DataDirectory, "raw", "_manifest.json"), Token));
        var rows = manifest.RootElement.GetProperty("entities").EnumerateArray()
            .ToDictionary(e => e.GetProperty("name").GetString()!, e => e.GetProperty("rows").GetInt64());

        var kpis = await ServedAsync(web, "/api/kpis");

        Assert.Equal(rows.Values.Sum(), (long)kpis["total_records"]!);
        Assert.Equal(rows["companies"], (long)kpis["total_companies"]!);
        Assert.Equal(rows["contacts"], (long)kpis["total_contacts"]!);
        Assert.Equal(rows["deals"], (long)kpis["total_deals"]!);
        Assert.Equal(rows["marketing_events"], (long)kpis["total_marketing_events"]!);
        Assert.Equal(rows["email_campaigns"], (long)kpis["total_email_events"]!);
        Assert.Equal(rows["support_tickets"], (long)kpis["total_tickets"]!);
        Assert.Equal(rows["web_analytics"], (long)kpis["total_sessions"]!);
    }

    [Fact]
    public async Task The_web_serves_the_dashboard_page_with_its_security_policy()
    {
        using var web = await WebClientAsync();

        using var response = await web.GetAsync("/?tab=support", Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<title>HubAspire", await response.Content.ReadAsStringAsync(Token));
        Assert.StartsWith("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
    }

    [Fact]
    public async Task Re_run_ETL_loads_a_newer_run_that_the_web_serves()
    {
        using var web = await WebClientAsync();
        var before = (long)(await ServedAsync(web, "/api/runs/latest"))["id"]!;
        var tracedRuns = app.Telemetry.TraceExportsWith("etl", "etl run");

        var result = await ExecuteAsync("etl", OperatorCommands.RerunEtl);

        Assert.True(result.Success, result.Message);
        await AssertNewerRunServedAsync(web, before);
        // The re-run is traced too: a restarted job exports like its first start.
        await TelemetryArrivesAsync(() => app.Telemetry.TraceExportsWith("etl", "etl run") > tracedRuns, "The re-run's 'etl run' span reaching the OTLP endpoint");
    }

    [Fact]
    public async Task Regenerate_data_writes_a_new_dataset_and_a_newer_run_is_served()
    {
        using var web = await WebClientAsync();
        var before = (long)(await ServedAsync(web, "/api/runs/latest"))["id"]!;
        var manifestPath = Path.Combine(app.Run.DataDirectory, "raw", "_manifest.json");
        var written = File.GetLastWriteTimeUtc(manifestPath);

        var result = await ExecuteAsync("generator", OperatorCommands.RegenerateData);

        Assert.True(result.Success, result.Message);
        Assert.True(File.GetLastWriteTimeUtc(manifestPath) > written, "The manifest was not written again.");
        var served = await AssertNewerRunServedAsync(web, before);
        Assert.Equal(42, (long)served["dataset"]!["seed"]!);
    }

    [Fact]
    public async Task A_failing_ETL_run_fails_its_command_and_resource_while_the_previous_run_stays_served()
    {
        using var web = await WebClientAsync();
        var served = (long)(await ServedAsync(web, "/api/runs/latest"))["id"]!;
        var file = Path.Combine(app.Run.DataDirectory, "raw", "deals", "part-00000.parquet");
        var original = await File.ReadAllBytesAsync(file, Token);
        try
        {
            await File.WriteAllBytesAsync(file, original[..(original.Length / 2)], Token); // truncated

            var result = await ExecuteAsync("etl", OperatorCommands.RerunEtl);

            Assert.False(result.Success);
            Assert.Contains("'etl' ended with exit code 1", result.Message);
            Assert.True(app.Run.App.ResourceNotifications.TryGetCurrentState("etl", out var etl));
            Assert.Equal(1, etl.Snapshot.ExitCode);
            Assert.Equal(served, (long)(await ServedAsync(web, "/api/runs/latest"))["id"]!);
        }
        finally
        {
            await File.WriteAllBytesAsync(file, original, CancellationToken.None);
        }
    }

    [Fact]
    public async Task With_PostgreSQL_killed_the_API_answers_503_and_serves_again_once_it_is_started()
    {
        using var web = await WebClientAsync();
        await ServedAsync(web, "/api/kpis");
        var postmaster = int.Parse(File.ReadLines(Path.Combine(app.Run.DataDirectory, "postgres", "postmaster.pid")).First(), CultureInfo.InvariantCulture);

        using (var server = Process.GetProcessById(postmaster))
        {
            server.Kill(); // SIGKILL: no clean shutdown
        }

        var down = await StatusOnceAsync(web, "/api/kpis?from=2024-02", HttpStatusCode.ServiceUnavailable);
        Assert.Equal("urn:hubaspire:problem:database-unavailable", (string)JsonNode.Parse(down)!["type"]!);

        var started = await ExecuteAsync(AggregateStoreExtensions.ServerName, KnownResourceCommands.StartCommand);
        Assert.True(started.Success, started.Message);
        await StatusOnceAsync(web, "/api/kpis?from=2024-02", HttpStatusCode.OK);
    }

    [Fact]
    public async Task Spans_from_the_generator_the_ETL_the_API_and_the_web_reach_the_OTLP_endpoint()
    {
        using var web = await WebClientAsync();
        await ServedAsync(web, "/api/kpis"); // a request through the web to the API and its database

        foreach (var (service, span) in new[] { ("generator", "generate dataset"), ("etl", "etl run"), ("api", "GET /api/kpis"), ("web", "GET") })
        {
            await TelemetryArrivesAsync(() => app.Telemetry.ReceivedSpan(service, span), $"A span '{span}' from '{service}' reaching the OTLP endpoint");
        }
    }

    /// <summary>Waits up to 30 s (telemetry is exported in batches every few seconds); a failure lists what did arrive.</summary>
    private Task TelemetryArrivesAsync(Func<bool> condition, string what) =>
        Eventually.HoldsAsync(() => Task.FromResult(condition()), TimeSpan.FromSeconds(30), () => $"{what} ({string.Join(", ", app.Telemetry.Summary())})");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<ExecuteCommandResult> ExecuteAsync(string resource, string command)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(Timeout);
        await app.Run.WaitForJobEndAsync(resource, timeout.Token);
        return await app.Run.App.Services.GetRequiredService<ResourceCommandService>().ExecuteCommandAsync(resource, command, timeout.Token);
    }

    /// <summary>Polls <paramref name="path"/> until it answers <paramref name="status"/> (at most the timeout); its body.</summary>
    private static async Task<string> StatusOnceAsync(HttpClient web, string path, HttpStatusCode status)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            using var response = await web.GetAsync(path, Token);
            var body = await response.Content.ReadAsStringAsync(Token);
            if (response.StatusCode == status)
            {
                return body;
            }

            Assert.True(DateTime.UtcNow < deadline, $"GET {path} still answers {(int)response.StatusCode} ({body}), not {(int)status}.");
            await Task.Delay(250, Token);
        }
    }

    /// <summary>An HTTP client for the web resource, once it is healthy (after the API, after the database).</summary>
    private async Task<HttpClient> WebClientAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Token);
        timeout.CancelAfter(Timeout);
        await app.Run.App.ResourceNotifications.WaitForResourceHealthyAsync("web", WaitBehavior.StopOnResourceUnavailable, timeout.Token);
        return app.Run.App.CreateHttpClient("web", "http");
    }

    /// <summary>The JSON at <paramref name="path"/> once a run is served (503 until the ETL's first run succeeds).</summary>
    private static async Task<JsonNode> ServedAsync(HttpClient web, string path) =>
        JsonNode.Parse(await StatusOnceAsync(web, path, HttpStatusCode.OK))!;

    private static async Task<JsonNode> AssertNewerRunServedAsync(HttpClient web, long before)
    {
        // The API looks for a newer run at most once a second.
        JsonNode latest = null!;
        await Eventually.HoldsAsync(async () => (long)(latest = await ServedAsync(web, "/api/runs/latest"))["id"]! > before,
            TimeSpan.FromSeconds(10), $"A run newer than {before} served");
        return latest;
    }
}
