using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// One AppHost with <c>Postgres:Provider=executable</c>, shared by the tests of its collection.
/// Its services export their telemetry to <see cref="Telemetry"/> (OTLP over HTTP), in place of the
/// Aspire dashboard, so the tests can see what reached it.
/// </summary>
public sealed class ExecutableProviderApp : IAsyncLifetime
{
    public AppHostRun Run { get; private set; } = null!;

    public OtlpReceiver Telemetry { get; } = new();

    /// <summary>
    /// How the generator and the ETL ended when the application started, recorded before any test
    /// runs: the operator-command tests of the collection start them again (one on purpose with a
    /// failing ETL), so a job's latest end depends on the order the tests ran in.
    /// </summary>
    public IReadOnlyDictionary<string, ResourceEvent> StartupEnds { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Run = await AppHostRun.StartAsync("executable", [], cancellationToken, Telemetry.ReceiveFrom);
        StartupEnds = new Dictionary<string, ResourceEvent>
        {
            ["generator"] = await Run.WaitForJobEndAsync("generator", cancellationToken),
            ["etl"] = await Run.WaitForJobEndAsync("etl", cancellationToken),
        };
    }

    public async ValueTask DisposeAsync()
    {
        if (Run is not null)
        {
            await Run.DisposeAsync();
        }

        Telemetry.Dispose();
    }
}

/// <summary>The tests that share one whole application (startup and shutdown are slow).</summary>
[CollectionDefinition(Name)]
public sealed class WholeApplicationCollection : ICollectionFixture<ExecutableProviderApp>
{
    public const string Name = "Whole application, PostgreSQL from the machine's binaries";
}

/// <summary>PostgreSQL from the machine's binaries, started by the AppHost.</summary>
[Collection(WholeApplicationCollection.Name)]
public sealed class ExecutableProviderTests(ExecutableProviderApp app)
{
    [Fact]
    public async Task The_hubaspire_database_answers_queries()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var version = await DatabaseRoundTrip.AssertAnswersAsync(await app.Run.GetDatabaseConnectionStringAsync(cancellationToken), cancellationToken);

        TestContext.Current.TestOutputHelper?.WriteLine(version);
    }

    [Fact]
    public void The_cluster_lives_in_the_configured_data_directory()
    {
        var cluster = Path.Combine(app.Run.DataDirectory, "postgres");

        Assert.True(File.Exists(Path.Combine(cluster, "PG_VERSION")), $"no cluster in {cluster}");
        Assert.True(File.Exists(Path.Combine(cluster, "postmaster.pid")), "the server is not running on it");
    }

    [Fact]
    public async Task The_generator_runs_to_completion_into_the_data_directory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var finished = app.StartupEnds["generator"];

        Assert.Equal(KnownResourceStates.Finished, finished.Snapshot.State?.Text);
        Assert.Equal(0, finished.Snapshot.ExitCode);
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(
            Path.Combine(app.Run.DataDirectory, "raw", "_manifest.json"), cancellationToken));
        Assert.Equal(42, manifest.RootElement.GetProperty("seed").GetInt32());
        Assert.Equal(double.Parse(AppHostRun.GeneratorScale, System.Globalization.CultureInfo.InvariantCulture),
            manifest.RootElement.GetProperty("scale").GetDouble());
    }

    [Fact]
    public async Task The_etl_runs_after_the_generator_and_loads_a_succeeded_run_of_every_row()
    {
        var cancellationToken = TestContext.Current.CancellationToken;

        var finished = app.StartupEnds["etl"];

        Assert.Equal(KnownResourceStates.Finished, finished.Snapshot.State?.Text);
        Assert.Equal(0, finished.Snapshot.ExitCode);
        await using var dataSource = Npgsql.NpgsqlDataSource.Create(await app.Run.GetDatabaseConnectionStringAsync(cancellationToken));
        // The first run is the start's; the operator-command tests of this collection may add later ones.
        await using var runs = dataSource.CreateCommand("select status, total_rows from runs order by id limit 1");
        await using var reader = await runs.ExecuteReaderAsync(cancellationToken);
        Assert.True(await reader.ReadAsync(cancellationToken));
        Assert.Equal(("succeeded", 4_850L), (reader.GetString(0), reader.GetInt64(1)));
    }
}
