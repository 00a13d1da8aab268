using System.Diagnostics;
using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>
/// What the tests of one backend share: the backend is started explicitly, whatever the default
/// backend is, and a test is skipped, saying why, where the backend cannot run.
/// </summary>
public abstract class BackendTests<TServer>(PostgresBackend backend)
    where TServer : TestPostgresServer
{
    /// <summary>Starts a server of this backend, or skips the test when the machine cannot run one.</summary>
    protected async Task<TServer> StartAsync(CancellationToken cancellationToken)
    {
        var unavailable = TestPostgresServer.WhyUnavailable(backend);
        Assert.SkipWhen(unavailable is not null, $"{backend} backend not tested: {unavailable}.");
        return (TServer)await TestPostgresServer.StartAsync(backend, cancellationToken);
    }

    /// <summary>A server of this backend holds a new database that writes and reads rows.</summary>
    protected async Task AssertWritesAndReadsRowsAsync(string databaseName)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var clock = Stopwatch.StartNew();
        await using var server = await StartAsync(cancellationToken);
        var started = clock.Elapsed;
        var connectionString = await server.CreateDatabaseAsync(databaseName, cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{server.Backend} ({Source(server)}), PostgreSQL {await RowRoundTrip.ServerVersionAsync(connectionString, cancellationToken)}, started in {started.TotalMilliseconds:0} ms");

        Assert.Equal(backend, server.Backend);
        await RowRoundTrip.AssertWritesAndReadsRowsAsync(connectionString, cancellationToken);
    }

    /// <summary>Where the server comes from, for the test output: an image, a binaries directory.</summary>
    protected abstract string Source(TServer server);
}
