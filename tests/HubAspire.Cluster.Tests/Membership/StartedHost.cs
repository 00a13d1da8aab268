using Microsoft.Extensions.Hosting;

namespace HubAspire.Cluster.Tests.Membership;

internal static class StartedHost
{
    /// <summary>Starts <paramref name="host"/>; one that fails to start is disposed, not left holding its ports.</summary>
    public static async Task<IHost> StartAsync(IHost host, CancellationToken cancellationToken)
    {
        try
        {
            await host.StartAsync(cancellationToken);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
