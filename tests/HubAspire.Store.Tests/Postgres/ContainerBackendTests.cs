using System.Diagnostics;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Postgres;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>The Testcontainers backend, started explicitly whatever the default backend is.</summary>
public sealed class ContainerBackendTests() : BackendTests<ContainerPostgresServer>(PostgresBackend.Container)
{
    [Fact]
    public Task A_container_server_writes_and_reads_rows() => AssertWritesAndReadsRowsAsync("container_round_trip");

    [Fact]
    public async Task Disposing_a_container_server_removes_its_container()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        using var engine = DockerEngine.FromEnvironment(TimeSpan.FromSeconds(5));

        var server = await StartAsync(cancellationToken);
        var id = server.ContainerId;
        Assert.True(await engine.HasContainerAsync(id, cancellationToken));

        var clock = Stopwatch.StartNew();
        await server.DisposeAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"stopped and removed in {clock.ElapsedMilliseconds} ms");

        Assert.False(await engine.HasContainerAsync(id, cancellationToken), $"container {id} is still there");
    }

    protected override string Source(ContainerPostgresServer server) => server.Image;
}
