using Orleans.Configuration;

namespace HubAspire.Cluster;

/// <summary>
/// How fast the cluster notices a dead silo. By default the membership declares a killed silo dead
/// after about 15 s; the files it held then wait that long. Probing every second and declaring
/// death after two missed probes brings that to 1–2 s on one machine, at the cost of a few more
/// messages per second between silos.
/// </summary>
public static class ClusterTimings
{
    public static void DetectDeathQuickly(ClusterMembershipOptions options)
    {
        options.ProbeTimeout = TimeSpan.FromSeconds(1);
        options.NumMissedProbesLimit = 2;
        options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(10);
    }
}
