using System.Diagnostics;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>The Testcontainers backend, started explicitly whatever the default backend is.</summary>
public sealed class ContainerBackendTests
{
    [Fact]
    public async Task A_container_server_writes_and_reads_rows()
    {
        var unavailable = TestPostgresServer.WhyUnavailable(PostgresBackend.Container);
        Assert.SkipWhen(unavailable is not null, $"Container backend not tested: {unavailable}.");
        var cancellationToken = TestContext.Current.CancellationToken;

        var clock = Stopwatch.StartNew();
        await using var server = await TestPostgresServer.StartAsync(PostgresBackend.Container, cancellationToken);
        var started = clock.Elapsed;
        var connectionString = await server.CreateDatabaseAsync("container_round_trip", cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{server.Backend} ({((ContainerPostgresServer)server).Image}), PostgreSQL {await RowRoundTrip.ServerVersionAsync(connectionString, cancellationToken)}, started in {started.TotalMilliseconds:0} ms");

        Assert.Equal(PostgresBackend.Container, server.Backend);
        await RowRoundTrip.AssertWritesAndReadsRowsAsync(connectionString, cancellationToken);
    }

    [Fact]
    public async Task Disposing_a_container_server_removes_its_container()
    {
        var unavailable = TestPostgresServer.WhyUnavailable(PostgresBackend.Container);
        Assert.SkipWhen(unavailable is not null, $"Container backend not tested: {unavailable}.");
        var cancellationToken = TestContext.Current.CancellationToken;
        using var engine = DockerEngine.FromEnvironment(TimeSpan.FromSeconds(5));

        var server = (ContainerPostgresServer)await TestPostgresServer.StartAsync(PostgresBackend.Container, cancellationToken);
        var id = server.ContainerId;
        Assert.True(await engine.HasContainerAsync(id, cancellationToken));

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"stopped and removed in {clock.ElapsedMilliseconds} ms");

        Assert.False(await engine.HasContainerAsync(id, cancellationToken), $"container {id} is still there");
    }
}
