using Xunit;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// One real PostgreSQL server per test assembly, shared by all its test classes, each of which
/// creates its own fresh database. The backend follows <c>HUBASPIRE_TEST_POSTGRES</c>
/// (<c>auto</c> | <c>container</c> | <c>local</c>) and <c>HUBASPIRE_TEST_POSTGRES_IMAGE</c>; see
/// <see cref="PostgresBackendSelection.Choose"/>.
/// </summary>
/// <remarks>
/// Register it once per test assembly and take it in a test class constructor:
/// <code>
/// [assembly: AssemblyFixture(typeof(PostgresFixture))]
///
/// public sealed class RunStoreTests(PostgresFixture postgres) : IAsyncLifetime
/// {
///     private string connectionString = "";
///     public async ValueTask InitializeAsync() =>
///         connectionString = await postgres.CreateDatabaseAsync(nameof(RunStoreTests), TestContext.Current.CancellationToken);
///     public ValueTask DisposeAsync() => ValueTask.CompletedTask;
/// }
/// </code>
/// xunit creates a test class instance per test, so that gives each test its own database; for
/// one database per test class use <see cref="PostgresDatabaseFixture"/> as a class fixture.
/// The server starts in the background when the assembly starts, so tests that do not need it
/// are not delayed and do not fail when no PostgreSQL is available; tests that need it wait for
/// it, and all see the same startup error if there is one. Disposed (container removed, or
/// cluster stopped and its directory deleted) when the assembly finishes.
/// </remarks>
public sealed class PostgresFixture : IAsyncLifetime
{
    private readonly CancellationTokenSource stopping = new();
    private Task<TestPostgresServer>? starting;

    /// <summary>The running server; waits for it to start. Throws the start failure, if any.</summary>
    public async Task<TestPostgresServer> GetServerAsync(CancellationToken cancellationToken = default)
    {
        var task = starting ?? throw new InvalidOperationException(
            $"{nameof(PostgresFixture)} was not initialized: register it with [assembly: AssemblyFixture(typeof({nameof(PostgresFixture)}))].");
        return await task.WaitAsync(cancellationToken);
    }

    /// <summary>The backend serving this assembly's tests.</summary>
    public async Task<PostgresBackend> GetBackendAsync(CancellationToken cancellationToken = default) =>
        (await GetServerAsync(cancellationToken)).Backend;

    /// <inheritdoc cref="TestPostgresServer.CreateDatabaseAsync"/>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken = default) =>
        await (await GetServerAsync(cancellationToken)).CreateDatabaseAsync(name, cancellationToken);

    public ValueTask InitializeAsync()
    {
        starting = Task.Run(() => TestPostgresServer.StartAsync(backend: null, stopping.Token));
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (starting is null)
        {
            return;
        }

        await stopping.CancelAsync();
        try
        {
            await (await starting).DisposeAsync();
        }
        catch (Exception) when (!starting.IsCompletedSuccessfully)
        {
            // The start failure was already reported to every test that needed the server.
        }

        stopping.Dispose();
    }
}
