using System.Collections.Concurrent;
using HubAspire.Cluster.Client;
using HubAspire.Cluster.Contracts;
using HubAspire.Silo;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace HubAspire.Cluster.Tests.FileWork;

/// <summary>
/// A real Orleans cluster of three silos in this process (Orleans' TestingHost), each set up as
/// the silo host sets up its own (<see cref="FileWorkerSilo.AddFileWorkers"/>), with a client.
/// Every call a silo receives is counted by grain method and file, so a test can tell how often a
/// file was tried.
/// </summary>
public sealed class FileWorkerCluster : IAsyncLifetime
{
    public const int Silos = 3;

    public TestCluster Cluster { get; private set; } = null!;

    public FileWorkers Workers(TimeSpan? waitForSilos = null) =>
        new(Cluster.Client, NullLogger<FileWorkers>.Instance) { WaitForSilos = waitForSilos ?? TimeSpan.FromSeconds(30) };

    /// <summary>Calls received, by method and file (e.g. "MapAsync /tmp/…/raw/deals/part-00000.parquet").</summary>
    public static ConcurrentDictionary<string, int> Calls { get; } = new();

    public async ValueTask InitializeAsync()
    {
        var builder = new TestClusterBuilder(Silos);
        builder.AddSiloBuilderConfigurator<SiloSetup>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Cluster.DisposeAsync();
    }

    private sealed class SiloSetup : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder) => siloBuilder
            .AddFileWorkers()
            .AddIncomingGrainCallFilter(async context =>
            {
                if (context.Request.GetArgumentCount() > 0 && context.Request.GetArgument(0) is MapFileWork map)
                {
                    Calls.AddOrUpdate($"{context.InterfaceMethod.Name} {Path.Combine(map.DatasetDirectory, map.File.Path)}", 1, (_, n) => n + 1);
                }

                await context.Invoke();
            });
    }
}
