using HubAspire.LocalInfrastructure;
using Npgsql;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// A real PostgreSQL server started for tests: a container or a throwaway local cluster. Tests
/// normally share one through <see cref="PostgresFixture"/>; a test that must prove a particular
/// backend starts its own with <see cref="StartAsync(PostgresBackend?, CancellationToken)"/>.
/// Disposing stops the server and removes everything it left (container, processes, files).
/// </summary>
public abstract class TestPostgresServer : IAsyncDisposable
{
    private static int databaseCounter;

    private readonly IDisposable exitCleanup;
    private int disposed;

    /// <param name="exitCleanup">
    /// The <see cref="ProcessExitCleanup"/> registration made while the server started; released
    /// once it is disposed.
    /// </param>
    private protected TestPostgresServer(IDisposable exitCleanup)
    {
        this.exitCleanup = exitCleanup;
    }

    public abstract PostgresBackend Backend { get; }

    /// <summary>Superuser connection string to the server's <c>postgres</c> database. Prefer <see cref="CreateDatabaseAsync"/>.</summary>
    public abstract string ServerConnectionString { get; }

    /// <summary>Why this backend serves, for test output and failure messages.</summary>
    public string SelectionReason { get; private set; } = "";

    /// <summary>
    /// Creates a new, empty database and returns a connection string to it. The database name is
    /// <paramref name="name"/> made into a safe identifier plus a number unique in this process, so
    /// callers need not coordinate names (read it back from the connection string's Database).
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        var database = $"{Identifier(name)}_{Interlocked.Increment(ref databaseCounter)}";
        var admin = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        return new NpgsqlConnectionStringBuilder(ServerConnectionString) { Database = database }.ConnectionString;
    }

    /// <summary>
    /// Starts a server of <paramref name="backend"/>, or, when null, of the backend
    /// <c>HUBASPIRE_TEST_POSTGRES</c> asks for (auto by default; see
    /// <see cref="PostgresBackendSelection.Choose"/>). Throws a message that says what to install
    /// or start when the backend cannot run here.
    /// </summary>
    public static async Task<TestPostgresServer> StartAsync(PostgresBackend? backend = null, CancellationToken cancellationToken = default)
    {
        // An explicit backend does not depend on the variable (a typo in it must not fail those tests).
        var requested = backend ?? TestPostgresSettings.FromEnvironment().Backend;
        var image = TestPostgresSettings.ImageFromEnvironment();
        var binaries = PostgresBinaries.Find();

        string endpoint;
        var engineAnswers = false;
        var imagePresent = false;
        using (var engine = DockerEngine.FromEnvironment(TimeSpan.FromSeconds(1)))
        {
            endpoint = engine.Endpoint;
            if (requested != PostgresBackend.Local && await engine.PingAsync(cancellationToken))
            {
                engineAnswers = true;
                imagePresent = await engine.HasImageAsync(image, cancellationToken);
                await ContainerPostgresServer.SweepOrphansAsync(engine, cancellationToken);
            }
        }

        var choice = PostgresBackendSelection.Choose(
            requested, new PostgresBackendSelection.Machine(engineAnswers, endpoint, image, imagePresent, binaries is not null));

        TestPostgresServer server = choice.Backend == PostgresBackend.Container
            ? await ContainerPostgresServer.StartAsync(image, cancellationToken)
            : await LocalPostgresCluster.StartAsync(binaries!, cancellationToken);
        server.SelectionReason = choice.Reason;
        if (ProcessExitCleanup.IsExiting)
        {
            // Started while the exit cleanup ran: it may have missed this one.
            await server.DisposeAsync();
            throw new OperationCanceledException("The test process is exiting.");
        }

        return server;
    }

    /// <summary>
    /// Null when <paramref name="backend"/> can run on this machine, else why not. For
    /// <c>Assert.SkipWhen</c> in tests that prove one backend.
    /// </summary>
    public static string? WhyUnavailable(PostgresBackend backend)
    {
        switch (backend)
        {
            case PostgresBackend.Container:
                using (var engine = DockerEngine.FromEnvironment(TimeSpan.FromSeconds(1)))
                {
                    return engine.Answers()
                        ? null
                        : $"no Docker engine answered at {engine.Endpoint} (GET /_ping); start dockerd or set DOCKER_HOST";
                }

            case PostgresBackend.Local when PostgresBinaries.Find() is null:
                return "no PostgreSQL server binaries (initdb, postgres) on PATH or under /usr/lib/postgresql/*/bin; install postgresql-15";
            default:
                return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        await StopAsync();
        exitCleanup.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the server and removes what it left; must not throw for an already stopped server.</summary>
    private protected abstract ValueTask StopAsync();

    private static string Identifier(string name)
    {
        var chars = name.ToLowerInvariant().Select(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') ? c : '_').ToArray();
        var identifier = new string(chars).Trim('_');
        if (identifier.Length == 0 || char.IsDigit(identifier[0]))
        {
            identifier = "db_" + identifier;
        }

        // 63 bytes is PostgreSQL's identifier limit; leave room for the counter.
        return identifier.Length > 48 ? identifier[..48] : identifier;
    }
}
