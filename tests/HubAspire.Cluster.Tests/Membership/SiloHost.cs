using System.Net;
using HubAspire.Cluster.Membership;
using HubAspire.Testing.Network;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using Orleans.Configuration;
using Orleans.Runtime;

namespace HubAspire.Cluster.Tests.Membership;

/// <summary>
/// A real silo in its own generic host, clustered through our PostgreSQL schema, with membership
/// timeouts short enough that joining and death detection take seconds, not minutes.
/// </summary>
internal sealed class SiloHost : IAsyncDisposable
{
    private readonly IHost host;
    private bool stopped;

    private SiloHost(IHost host, int gatewayPort)
    {
        this.host = host;
        GatewayPort = gatewayPort;
        Address = host.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress;
    }

    public SiloAddress Address { get; }

    public int GatewayPort { get; }

    /// <summary>What <c>Grain.RuntimeIdentity</c> says inside this silo.</summary>
    public string Identity => Address.ToString();

    /// <param name="membership">Adjusts this silo's membership options after the test defaults.</param>
    public static async Task<SiloHost> StartAsync(
        string connectionString, string clusterId, CancellationToken cancellationToken, Action<ClusterMembershipOptions>? membership = null)
    {
        var gatewayPort = FreePort.Next();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.UseOrleans(silo => silo
            .UseAdoNetClustering(options =>
            {
                options.Invariant = PostgresMembershipSchema.Invariant;
                options.ConnectionString = ForOrleans(connectionString);
            })
            .Configure<ClusterOptions>(options =>
            {
                options.ClusterId = clusterId;
                options.ServiceId = "hubaspire-membership-tests";
            })
            .Configure<ClusterMembershipOptions>(options =>
            {
                options.ProbeTimeout = TimeSpan.FromSeconds(1);
                options.NumMissedProbesLimit = 3;
                options.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(2);
                options.TableRefreshTimeout = TimeSpan.FromSeconds(2);
                membership?.Invoke(options);
            })
            .ConfigureEndpoints(IPAddress.Loopback, FreePort.Next(), gatewayPort));
        var host = await StartedHost.StartAsync(builder.Build(), cancellationToken);
        return new SiloHost(host, gatewayPort);
    }

    /// <summary>
    /// The connection string silos and clients get: the schema's search path, and a session time
    /// zone far from UTC, so a timestamp written or compared as local time would be hours off.
    /// </summary>
    public static string ForOrleans(string connectionString) =>
        new NpgsqlConnectionStringBuilder(PostgresMembershipSchema.ConnectionStringFor(connectionString))
        {
            Timezone = "Pacific/Kiritimati",
        }.ConnectionString;

    /// <summary>The orderly shutdown: the silo itself records that it is leaving.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        stopped = true;
        await host.StopAsync(cancellationToken);
    }

    /// <summary>
    /// Stops at once, without the graceful steps. The silo still tries to record its own death,
    /// so a test that wants the others to find out must cut its database first.
    /// </summary>
    public async Task StopAbruptlyAsync()
    {
        stopped = true;
        try
        {
            await host.StopAsync(new CancellationToken(canceled: true));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!stopped)
            {
                await host.StopAsync(TimeSpan.FromSeconds(30));
            }
        }
        finally
        {
            host.Dispose();
        }
    }
}
