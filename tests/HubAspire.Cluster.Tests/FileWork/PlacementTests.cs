using HubAspire.Cluster.Contracts;
using Orleans.Runtime.Placement;

namespace HubAspire.Cluster.Tests.FileWork;

/// <summary>How the work spreads: each lane's worker is activated on the silo its key and placement hint name.</summary>
public sealed class PlacementTests(FileWorkerCluster cluster) : IClassFixture<FileWorkerCluster>
{
    [Fact]
    public async Task Every_worker_runs_on_the_silo_it_is_meant_for()
    {
        var management = cluster.Cluster.Client.GetGrain<IManagementGrain>(0);
        var silos = (await management.GetHosts(onlyActive: true, TestContext.Current.CancellationToken)).Keys.ToList();
        Assert.Equal(FileWorkerCluster.Silos, silos.Count);

        foreach (var silo in silos)
        {
            for (var lane = 0; lane < 3; lane++)
            {
                RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                var worker = cluster.Cluster.Client.GetGrain<IFileWorkerGrain>(WorkerKey.For(silo.ToParsableString(), lane));
                await worker.GetSlotsAsync();

                Assert.Equal(silo, await management.GetActivationAddress((GrainReference)worker, TestContext.Current.CancellationToken));
            }
        }
    }
}
