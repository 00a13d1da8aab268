using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace HubAspire.Cluster.Client;

public static class ClusterClientHosting
{
    /// <summary>
    /// When the configuration names a cluster (<see cref="ClusterSettings.ClusterIdKey"/>, set by the
    /// AppHost when <c>Cluster:Silos</c> &gt; 0), the job becomes its client and
    /// <see cref="FileWorkers"/> is available; otherwise nothing changes and the job runs in-process.
    /// </summary>
    public static void AddFileWorkersWhenClustered(this IHostApplicationBuilder builder)
    {
        if (string.IsNullOrEmpty(builder.Configuration[ClusterSettings.ClusterIdKey]))
        {
            return;
        }

        builder.UseOrleansClient(client => client
            .AddActivityPropagation()
            // The gateway list is re-read every second, so a client whose gateway died finds the others at once.
            .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1)));
        PostgresMembership.CompleteProviderOptions(builder.Services);
        // A dead silo's gateway is retried every second with a warning each time; FileWorkers reports the death once.
        builder.Logging.AddFilter("Orleans.Runtime.Messaging.ConnectionManager", LogLevel.Error);
        builder.Services.AddSingleton<FileWorkers>();
    }
}
