using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace HubAspire.Testing.Web;

/// <summary>
/// One of our ASP.NET Core hosts (a built assembly such as HubAspire.Web.dll or HubAspire.Api.dll)
/// in its own process, as the AppHost runs it: Production, on a loopback port it picks itself
/// (the address comes from its "Now listening on" line), with no telemetry export. Disposing kills it.
/// </summary>
public sealed partial class HostProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    // Settings of the caller's environment that would change what the host binds to or exports.
    private static readonly string[] Inherited = ["DOTNET_ENVIRONMENT", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "OTEL_EXPORTER_OTLP_ENDPOINT"];

    private readonly Process process;
    private readonly StringBuilder log = new();

    private HostProcess(Process process) => this.process = process;

    public Uri Address { get; private set; } = null!;

    public int ProcessId => process.Id;

    public bool HasExited => process.HasExited;

    /// <summary>Everything it printed so far.</summary>
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

    /// <param name="workingDirectory">Its content root (where it finds its appsettings.json), or any folder when it must not depend on one.</param>
    /// <param name="environment">Its own settings, e.g. a connection string.</param>
    public static async Task<HostProcess> StartAsync(
        string dll, string workingDirectory, IReadOnlyDictionary<string, string> environment, CancellationToken cancellationToken)
    {
        if (!File.Exists(dll))
        {
            throw new FileNotFoundException($"The host is not built: {dll} is missing. Build the solution first.", dll);
        }

        var start = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var name in Inherited)
        {
            start.Environment.Remove(name);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var host = new HostProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."));
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
            throw new InvalidOperationException($"{Path.GetFileName(dll)} did not start listening within {StartTimeout.TotalSeconds:N0} s. Its output:\n{host.Log}");
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
