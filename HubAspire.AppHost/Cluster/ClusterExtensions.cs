using Aspire.Hosting.Orleans;
using HubAspire.AppHost.Startup;

namespace HubAspire.AppHost.Cluster;

/// <summary>
/// The Orleans cluster that scales the generator and the ETL's map step out (<c>Cluster:Silos</c>
/// silos; 0, the default, keeps both in-process). Its membership table is in the aggregate store's
/// PostgreSQL, so it needs nothing the AppHost does not already start.
/// </summary>
public static class ClusterExtensions
{
    public const string SilosSetting = "Cluster:Silos";

    /// <summary>The cluster and its silos, or null when <see cref="SilosSetting"/> is 0.</summary>
    public static FileWorkerCluster? AddFileWorkerCluster(
        this IDistributedApplicationBuilder builder, IResourceBuilder<IResourceWithConnectionString> aggregateStore)
    {
        var silos = ReplicaSetting.Read(builder, SilosSetting, minimum: 0);
        if (silos == 0)
        {
            return null;
        }

        var orleans = builder.AddOrleans("cluster")
            // A new cluster id on every start: the previous start's silos, dead but still listed as
            // active in the membership table, would otherwise hold up the new cluster for a minute and more.
            .WithClusterId($"hubaspire-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("N")[..6]}")
            .WithServiceId("hubaspire")
            .WithClustering(new PostgresMembershipProvider(aggregateStore));
        var silo = builder.AddProject<Projects.HubAspire_Silo>("silo")
            .WithReference(orleans)
            .WaitFor(aggregateStore, WaitBehavior.StopOnResourceUnavailable)
            .WithReplicas(silos);
        return new FileWorkerCluster(orleans, silo);
    }

    /// <summary>Makes <paramref name="job"/> a client of <paramref name="cluster"/> that starts once the silos do; unchanged without a cluster.</summary>
    public static IResourceBuilder<ProjectResource> RunsOn(this IResourceBuilder<ProjectResource> job, FileWorkerCluster? cluster) =>
        cluster is null ? job : job.WithReference(cluster.Orleans.AsClient()).WaitFor(cluster.Silos);
}

/// <summary>The cluster as the jobs reference it: the Orleans service and its silo project.</summary>
public sealed record FileWorkerCluster(OrleansService Orleans, IResourceBuilder<ProjectResource> Silos);

/// <summary>
/// Orleans' ADO.NET clustering provider on the aggregate store. Aspire's own
/// <c>WithClustering(resource)</c> names the provider after the resource type and passes only a
/// service key, which the ADO.NET provider cannot use; this names the provider and the connection,
/// and the silos and clients complete the rest (HubAspire.Cluster's PostgresMembership).
/// </summary>
internal sealed class PostgresMembershipProvider(IResourceBuilder<IResourceWithConnectionString> store) : IProviderConfiguration
{
    public void ConfigureResource<T>(IResourceBuilder<T> resourceBuilder, string configSectionPath) where T : IResourceWithEnvironment
    {
        var prefix = "Orleans__" + configSectionPath.Replace(":", "__");
        resourceBuilder
            .WithEnvironment($"{prefix}__ProviderType", "AdoNet")
            .WithEnvironment($"{prefix}__ConnectionName", store.Resource.Name)
            .WithReference(store);
    }
}
