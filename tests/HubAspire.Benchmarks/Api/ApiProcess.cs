using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace HubAspire.Benchmarks.Api;

/// <summary>
/// The real API executable (the Release build next to this program) as a separate process,
/// in Production, on a free loopback port, reading the given database; ready once it answers
/// <c>/health</c> and serves a run. Disposing kills it.
/// </summary>
public sealed class ApiProcess : IAsyncDisposable
{
    private const string Assembly = "HubAspire.Api.dll";
    private const int KeptLines = 100;
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly Queue<string> lastLines = new();

    private ApiProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    public static async Task<ApiProcess> StartAsync(string connectionString, HttpClient client, CancellationToken cancellationToken)
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}/");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            // The content root, where it finds its appsettings.json.
            WorkingDirectory = AppContext.BaseDirectory,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, Assembly));
        start.Environment["ConnectionStrings__hubaspire"] = connectionString;
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var name in new[] { "DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT" })
        {
            // Telemetry export would time our exporter, not the API; other bindings would compete with ours.
            start.Environment.Remove(name);
        }

        var api = new ApiProcess(Process.Start(start)!, baseAddress);
        api.process.OutputDataReceived += (_, e) => api.Keep(e.Data);
        api.process.ErrorDataReceived += (_, e) => api.Keep(e.Data);
        api.process.BeginOutputReadLine();
        api.process.BeginErrorReadLine();
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

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
        }
        finally
        {
            process.Dispose();
        }
    }

    /// <summary>What the API printed last, for an error message.</summary>
    public string Output()
    {
        lock (lastLines)
        {
            return string.Join('\n', lastLines);
        }
    }

    /// <summary><c>/health</c> answers 200 (the database is reachable), then <c>/api/meta</c> does (a run is served).</summary>
    private async Task WaitUntilServingAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        foreach (var path in new[] { "health", "api/meta" })
        {
            while (true)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"The API exited with code {process.ExitCode} before serving:\n{Output()}");
                }

                if (clock.Elapsed > StartTimeout)
                {
                    throw new TimeoutException($"The API did not answer {path} with 200 within {StartTimeout.TotalSeconds:F0} s:\n{Output()}");
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
                    // Not listening yet.
                }

                await Task.Delay(100, cancellationToken);
            }
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (lastLines)
        {
            lastLines.Enqueue(line);
            if (lastLines.Count > KeptLines)
            {
                lastLines.Dequeue();
            }
        }
    }

    /// <summary>A port free right now: the kernel's pick for a listener on port 0, released again.</summary>
    private static int FreePort()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)listener.LocalEndPoint!).Port;
    }
}
