using System.Net;
using HubAspire.Cluster;
using Orleans.Configuration;

namespace HubAspire.Silo;

/// <summary>How every silo of the cluster is set up, here and in the tests' in-process clusters.</summary>
public static class FileWorkerSilo
{
    public static ISiloBuilder AddFileWorkers(this ISiloBuilder silo) => silo
        .AddActivityPropagation()
        .Configure<ClusterMembershipOptions>(ClusterTimings.DetectDeathQuickly);

    /// <summary>
    /// Advertises <paramref name="address"/> to the other silos and the clients: on one machine the
    /// loopback address, since a container host's or VPN's first interface may not be reachable.
    /// </summary>
    public static ISiloBuilder Advertise(this ISiloBuilder silo, IPAddress address) =>
        silo.Configure<EndpointOptions>(options => options.AdvertisedIPAddress = address);
}
