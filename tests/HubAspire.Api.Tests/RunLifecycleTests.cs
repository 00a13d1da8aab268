using System.Net;
using HubAspire.Api.Tests.Support;
using HubAspire.Store;
using HubAspire.Testing.Postgres;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace HubAspire.Api.Tests;

/// <summary>
/// What the API serves as the store changes under it: nothing before the first run (503), each
/// newer run right after it succeeds (within the one-second run check), 503 while PostgreSQL
/// is gone and figures again once it is back. Each test has its own database and API.
/// </summary>
public sealed class RunLifecycleTests(PostgresFixture postgres)
{
    private const double Scale = 0.002;
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Before_any_run_every_endpoint_answers_503_saying_the_etl_has_not_completed_a_run()
    {
        var database = await postgres.CreateDatabaseAsync("api_empty", Http.CancellationToken);
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();

        foreach (var path in Periods.AllPaths)
        {
            await AssertNoRunYetAsync(client, path);
        }

        // The database itself is fine: the service is alive and healthy, it just has nothing to serve.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", Http.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Http.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task A_store_with_its_schema_but_no_succeeded_run_answers_503()
    {
        var database = await postgres.CreateDatabaseAsync("api_migrated", Http.CancellationToken);
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await new RunStore(dataSource).MigrateAsync(Http.CancellationToken);
        }

        await using var host = new ApiHost(database);
        using var client = host.CreateClient();

        await AssertNoRunYetAsync(client, "/api/dashboard");
        await AssertNoRunYetAsync(client, "/api/deals/region?format=csv");
    }

    [Fact]
    public async Task The_first_run_and_then_a_newer_run_are_served_right_after_they_succeed()
    {
        var database = await postgres.CreateDatabaseAsync("api_runs", Http.CancellationToken);
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();
        await AssertNoRunYetAsync(client, "/api/kpis");

        await RealPipeline.GenerateAsync(first.Path, Scale, seed: 42);
        var firstRun = (await RealPipeline.RunEtlAsync(first.Path, database)).RunId;
        var took = await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/kpis", Http.CancellationToken)).IsSuccessStatusCode,
            Within, "the first run served");
        TestContext.Current.TestOutputHelper?.WriteLine($"first run served {took.TotalMilliseconds:F0} ms after the ETL returned");
        await AssertServesAsync(client, firstRun, RawRows.Read(first.Raw));
        var firstETag = (await client.GetAsync("/api/kpis", Http.CancellationToken)).Headers.ETag!;

        await RealPipeline.GenerateAsync(second.Path, Scale, seed: 7);
        var secondRun = (await RealPipeline.RunEtlAsync(second.Path, database)).RunId;
        took = await Eventually.HoldsAsync(async () => (await client.GetOkJsonAsync("/api/runs/latest"))["id"]!.GetValue<long>() == secondRun,
            Within, "the newer run served");
        TestContext.Current.TestOutputHelper?.WriteLine($"newer run served {took.TotalMilliseconds:F0} ms after the ETL returned");
        Assert.True(took < TimeSpan.FromSeconds(3), $"the newer run was served {took.TotalSeconds:F1} s after it succeeded");
        await AssertServesAsync(client, secondRun, RawRows.Read(second.Raw));

        // The cached responses of the first run are gone with it: its ETag no longer matches.
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, "/api/kpis");
        revalidate.Headers.IfNoneMatch.Add(firstETag);
        var response = await client.SendAsync(revalidate, Http.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEqual(firstETag, response.Headers.ETag);
    }

    [Fact]
    public async Task Without_the_database_the_api_answers_503_and_serves_again_once_it_is_back()
    {
        var database = await postgres.CreateDatabaseAsync("api_outage", Http.CancellationToken);
        using var data = new TempDirectory();
        await RealPipeline.GenerateAsync(data.Path, Scale, seed: 42);
        var runId = (await RealPipeline.RunEtlAsync(data.Path, database)).RunId;
        var server = new NpgsqlConnectionStringBuilder(database);
        var relay = new TcpRelay(0, (server.Host!, server.Port));
        var port = relay.Port;
        var throughRelay = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = port }.ConnectionString;
        await using var host = new ApiHost(throughRelay);
        using var client = host.CreateClient();
        try
        {
            Assert.Equal(runId, (await client.GetOkJsonAsync("/api/runs/latest"))["id"]!.GetValue<long>());

            await relay.DisposeAsync();
            await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/dashboard", Http.CancellationToken)).StatusCode == HttpStatusCode.ServiceUnavailable,
                Within, "503 once the database is gone");
            foreach (var path in Periods.AllPaths)
            {
                var (response, problem) = await client.GetJsonAsync(path);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
                Assert.Equal(Http.ProblemJson, response.Content.Headers.ContentType?.MediaType);
                Assert.Equal("urn:hubaspire:problem:database-unavailable", problem!["type"]!.GetValue<string>());
                Assert.Equal("Database unavailable", problem["title"]!.GetValue<string>());
                Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
                Assert.DoesNotContain("127.0.0.1", problem.ToJsonString());
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health", Http.CancellationToken)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/alive", Http.CancellationToken)).StatusCode);

            relay = new TcpRelay(port, (server.Host!, server.Port));
            await Eventually.HoldsAsync(async () => (await client.GetAsync("/api/dashboard", Http.CancellationToken)).IsSuccessStatusCode,
                Within, "figures again once the database is back");
            Assert.Equal(runId, (await client.GetOkJsonAsync("/api/runs/latest"))["id"]!.GetValue<long>());
        }
        finally
        {
            await relay.DisposeAsync();
        }
    }

    [Fact]
    public async Task Started_without_the_database_it_answers_503_database_unavailable()
    {
        var database = await postgres.CreateDatabaseAsync("api_nodb", Http.CancellationToken);
        var relay = new TcpRelay(0, ("127.0.0.1", 9));
        var nowhere = new NpgsqlConnectionStringBuilder(database) { Host = "127.0.0.1", Port = relay.Port }.ConnectionString;
        await relay.DisposeAsync();
        await using var host = new ApiHost(nowhere);
        using var client = host.CreateClient();

        var (response, problem) = await client.GetJsonAsync("/api/kpis");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("urn:hubaspire:problem:database-unavailable", problem!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_api_s_connections_cannot_write()
    {
        var database = await postgres.CreateDatabaseAsync("api_readonly", Http.CancellationToken);
        await using var host = new ApiHost(database);
        using var client = host.CreateClient();
        await client.GetAsync("/api/kpis", Http.CancellationToken);

        await using var command = host.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("CREATE TABLE written_by_the_api (id int)");
        var refused = await Assert.ThrowsAsync<PostgresException>(() => command.ExecuteNonQueryAsync(Http.CancellationToken));

        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, refused.SqlState);
    }

    private static async Task AssertNoRunYetAsync(HttpClient client, string url)
    {
        var (response, problem) = await client.GetJsonAsync(url);

        Assert.True(response.StatusCode == HttpStatusCode.ServiceUnavailable, $"{url}: {(int)response.StatusCode}");
        Assert.Equal(Http.ProblemJson, response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("urn:hubaspire:problem:no-run-yet", problem!["type"]!.GetValue<string>());
        Assert.Equal("No data yet", problem["title"]!.GetValue<string>());
        Assert.Equal(503, problem["status"]!.GetValue<int>());
        Assert.Contains("The ETL has not completed a run", problem["detail"]!.GetValue<string>());
        Assert.Equal("5", response.Headers.GetValues("Retry-After").Single());
    }

    /// <summary>The run's id, and KPIs equal to the naive computation over that run's rows.</summary>
    private static async Task AssertServesAsync(HttpClient client, long runId, RawRows raw)
    {
        Assert.Equal(runId, (await client.GetOkJsonAsync("/api/runs/latest"))["id"]!.GetValue<long>());
        var kpis = await client.GetOkJsonAsync("/api/kpis");
        foreach (var (key, figure) in ExpectedApi.Kpis(raw, null, null))
        {
            Expect.Number(figure, kpis[key], $"run {runId}, {key}");
        }

        var chart = await client.GetOkJsonAsync("/api/deals/region?from=2024-01&to=2024-12");
        Expect.Chart(ExpectedApi.Charts(raw, 2024 * 12, 2024 * 12 + 11)["/api/deals/region"], chart, $"run {runId}, deals/region");
    }
}
