using System.Diagnostics;
using System.Globalization;

namespace HubAspire.Benchmarks;

/// <summary>Where and how a child runs: pinned to some cores (<c>taskset</c>, and the runtime told how many it has), with more environment variables.</summary>
public sealed record ChildProcessOptions(IReadOnlyList<int>? Cores = null, IReadOnlyDictionary<string, string>? Environment = null)
{
    public static readonly ChildProcessOptions Default = new();

    /// <summary>The command line's prefix that pins the child; empty when it is not pinned.</summary>
    public IEnumerable<string> Pinning => Cores is { } cores ? ["taskset", "--cpu-list", string.Join(',', cores)] : [];

    /// <summary>Applies the environment (and, pinned, <c>DOTNET_PROCESSOR_COUNT</c> so thread pools and GC size themselves to the cores given).</summary>
    public void ApplyTo(ProcessStartInfo start)
    {
        if (Cores is not null)
        {
            start.Environment["DOTNET_PROCESSOR_COUNT"] = Cores.Count.ToString(CultureInfo.InvariantCulture);
        }

        foreach (var (name, value) in Environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }
    }
}

/// <summary>What a finished child process printed (stdout, then stderr), how long it ran and its peak resident memory.</summary>
/// <param name="CpuSeconds">User and system CPU time of the child (GNU time); NaN without GNU time.</param>
public sealed record ChildProcessResult(int ExitCode, string Output, double WallSeconds, double PeakMegabytes, double CpuSeconds);

/// <summary>
/// Runs one of our executables (a .NET assembly built next to this program) as a separate process,
/// as a user runs it, and measures it from outside: wall time from start to exit, and the peak
/// resident memory, in MB of 10^6 bytes like the generator's own figure.
/// </summary>
public static class ChildProcess
{
    private const string GnuTime = "/usr/bin/time";
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(5);

    /// <summary>How <see cref="ChildProcessResult.PeakMegabytes"/> is measured on this machine.</summary>
    public static string PeakMemoryMethod => File.Exists(GnuTime)
        ? "the kernel's maximum resident set size of the child (GNU time %M)"
        : "the child's VmHWM in /proc, polled every 5 ms (GNU time is not installed)";

    /// <summary>Runs <c>dotnet &lt;assembly&gt; &lt;arguments&gt;</c> to its end; kills it when cancelled.</summary>
    /// <param name="assembly">A file name in this program's directory, or a full path.</param>
    public static Task<ChildProcessResult> RunDotnetAsync(
        string assembly, IEnumerable<string> arguments, CancellationToken cancellationToken, ChildProcessOptions? options = null) =>
        RunAsync([Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], cancellationToken, options);

    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> (e.g. <c>publish …</c>) to its end; kills it when cancelled.</summary>
    public static async Task<ChildProcessResult> RunAsync(
        IEnumerable<string> dotnetArguments, CancellationToken cancellationToken, ChildProcessOptions? options = null)
    {
        options ??= ChildProcessOptions.Default;
        // GNU time reports the peak the kernel recorded at exit, which nothing polled can beat.
        var peakFile = File.Exists(GnuTime) ? Path.GetTempFileName() : null;
        string[] command =
        [
            .. peakFile is null ? [] : new[] { GnuTime, "--quiet", "--format=%M %U %S", "--output=" + peakFile },
            .. options.Pinning,
            "dotnet",
            .. dotnetArguments,
        ];
        var start = new ProcessStartInfo(command[0])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in command[1..])
        {
            start.ArgumentList.Add(arg);
        }

        options.ApplyTo(start);

        // Telemetry export would time our exporter, not the program.
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        try
        {
            var clock = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
            var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
            var polledKilobytes = 0L;
            try
            {
                var exited = process.WaitForExitAsync(cancellationToken);
                while (peakFile is null && !exited.IsCompleted)
                {
                    polledKilobytes = Math.Max(polledKilobytes, HighWaterMarkKilobytes(process.Id));
                    await Task.WhenAny(exited, Task.Delay(PollEvery, cancellationToken));
                }

                await exited;
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            var wall = clock.Elapsed.TotalSeconds;
            // GNU time's line: peak kilobytes, user seconds, system seconds.
            var measured = peakFile is null ? null : File.ReadLines(peakFile).Last().Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
            var kilobytes = measured?[0] ?? polledKilobytes;
            return new ChildProcessResult(process.ExitCode, await output + await errors, wall, kilobytes * 1024 / 1e6, measured is null ? double.NaN : measured[1] + measured[2]);
        }
        finally
        {
            if (peakFile is not null)
            {
                File.Delete(peakFile);
            }
        }
    }

    /// <summary>VmHWM, the peak resident set so far; 0 once the process is gone.</summary>
    private static long HighWaterMarkKilobytes(int processId)
    {
        try
        {
            var line = File.ReadLines($"/proc/{processId}/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line["VmHWM:".Length..].Replace("kB", "").Trim(), CultureInfo.InvariantCulture);
        }
        catch (IOException)
        {
            return 0;
        }
    }
}
