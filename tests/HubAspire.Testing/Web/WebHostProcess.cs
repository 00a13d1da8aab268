using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace HubAspire.Testing.Web;

/// <summary>
/// The real web host (HubAspire.Web.dll) in its own process, as the AppHost runs it: Production,
/// a free loopback port, and the API's address in place of service discovery's. The caller names
/// the build to run (the tests their own configuration's, the benchmark the Release one).
/// </summary>
public sealed partial class WebHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly StringBuilder log = new();

    private WebHostProcess(Process process) => this.process = process;

    public Uri Address { get; private set; } = null!;

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static async Task<WebHostProcess> StartAsync(string webHostDll, Uri apiAddress, CancellationToken cancellationToken)
    {
        if (!File.Exists(webHostDll))
        {
            throw new FileNotFoundException($"The web host is not built: {webHostDll} is missing. Build the solution first.", webHostDll);
        }

        var start = new ProcessStartInfo("dotnet", [webHostDll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(), // the host must not depend on where it is started from
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Web__ApiAddress"] = apiAddress.ToString().TrimEnd('/');
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");

        var host = new WebHostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        host.process.OutputDataReceived += (_, line) => host.Record(line.Data, listening);
        host.process.ErrorDataReceived += (_, line) => host.Record(line.Data, listening);
        host.process.BeginOutputReadLine();
        host.process.BeginErrorReadLine();

        var exited = host.process.WaitForExitAsync(cancellationToken);
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout, cancellationToken));
        if (first != listening.Task)
        {
            await host.DisposeAsync();
            throw new InvalidOperationException($"The web host did not start listening within {StartTimeout.TotalSeconds:N0} s. Its output:\n{host.Log}");
        }

        host.Address = await listening.Task;
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private void Record(string? line, TaskCompletionSource<Uri> listening)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }

        if (ListeningLine().Match(line) is { Success: true } match)
        {
            listening.TrySetResult(new Uri(match.Groups["address"].Value));
        }
    }

    [GeneratedRegex(@"Now listening on: (?<address>http://\S+)")]
    private static partial Regex ListeningLine();
}
