using System.Diagnostics;
using System.Net;
using HubAspire.Testing.Web;

namespace HubAspire.Benchmarks.Api;

/// <summary>
/// The real API executable (the Release build next to this program) as a separate process
/// (<see cref="HostProcess"/>), reading the given database; ready once it answers <c>/health</c>
/// and serves a run. Disposing kills it.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const string Assembly = "HubAspire.Api.dll";
    private static readonly TimeSpan ServeTimeout = TimeSpan.FromSeconds(60);

    private readonly HostProcess host;

    private ApiProcess(HostProcess host) => this.host = host;

    public Uri BaseAddress => host.Address;

    public int ProcessId => host.ProcessId;

    public static async Task<ApiProcess> StartAsync(string connectionString, HttpClient client, CancellationToken cancellationToken)
    {
        // Started in this program's directory, the API's content root, where it finds its appsettings.json.
        var host = await HostProcess.StartAsync(Path.Combine(AppContext.BaseDirectory, Assembly), AppContext.BaseDirectory,
            new Dictionary<string, string> { ["ConnectionStrings__hubaspire"] = connectionString }, cancellationToken);
        var api = new ApiProcess(host);
        try
        {
            await api.WaitUntilServingAsync(client, cancellationToken);
            return api;
        }
        catch
        {
            await api.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => host.DisposeAsync();

    /// <summary><c>/health</c> answers 200 (the database is reachable), then <c>/api/meta</c> does (a run is served).</summary>
    private async Task WaitUntilServingAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var path in new[] { "health", "api/meta" })
        {
            while (true)
            {
                if (host.HasExited)
                {
                    throw new InvalidOperationException($"The API exited before serving:\n{host.Log}");
                }

                if (clock.Elapsed > ServeTimeout)
                {
                    throw new TimeoutException($"The API did not answer {path} with 200 within {ServeTimeout.TotalSeconds:F0} s:\n{host.Log}");
                }

                try
                {
                    using var response = await client.GetAsync(new Uri(BaseAddress, path), cancellationToken);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not answering yet.
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }
}
