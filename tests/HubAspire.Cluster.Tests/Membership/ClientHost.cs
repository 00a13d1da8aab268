using HubAspire.Cluster.Membership;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace HubAspire.Cluster.Tests.Membership;

/// <summary>An Orleans client in its own generic host that finds the silos through the gateway query.</summary>
internal sealed class ClientHost : IAsyncDisposable
{
    private readonly IHost host;

    private ClientHost(IHost host) => this.host = host;

    public IClusterClient Client => host.Services.GetRequiredService<IClusterClient>();

    public IServiceProvider Services => host.Services;

    public static async Task<ClientHost> StartAsync(string connectionString, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleansClient(client => client
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresMembershipSchema.Invariant;
                options.ConnectionString = SiloHost.ForOrleans(connectionString);
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "hubaspire-membership-tests";
            })
            // A dead gateway should leave the client's list within the test's patience.
            .Configure<GatewayOptions>(options => options.GatewayListRefreshPeriod = TimeSpan.FromSeconds(1))
            .Configure<ClientMessagingOptions>(options => options.ResponseTimeout = TimeSpan.FromSeconds(10)));
        var host = await StartedHost.StartAsync(builder.Build(), cancellationToken);
        return new ClientHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(30));
        }
        finally
        {
            host.Dispose();
        }
    }
}
