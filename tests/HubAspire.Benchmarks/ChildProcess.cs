using System.Diagnostics;
using System.Globalization;

namespace HubAspire.Benchmarks;

/// <summary>What a finished child process printed (stdout, then stderr), how long it ran and its peak resident memory.</summary>
public sealed record ChildProcessResult(int ExitCode, string Output, double WallSeconds, double PeakMegabytes);

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
    public static Task<ChildProcessResult> RunDotnetAsync(string assembly, IEnumerable<string> arguments, CancellationToken cancellationToken) =>
        RunAsync([Path.Combine(AppContext.BaseDirectory, assembly), .. arguments], cancellationToken);

    /// <summary>Runs <c>dotnet &lt;arguments&gt;</c> (e.g. <c>publish …</c>) to its end; kills it when cancelled.</summary>
    public static async Task<ChildProcessResult> RunAsync(IEnumerable<string> dotnetArguments, CancellationToken cancellationToken)
    {
        // GNU time reports the peak the kernel recorded at exit, which nothing polled can beat.
        var peakFile = File.Exists(GnuTime) ? Path.GetTempFileName() : null;
        var start = new ProcessStartInfo(peakFile is null ? "dotnet" : GnuTime)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (peakFile is not null)
        {
            foreach (var arg in new[] { "--quiet", "--format=%M", "--output=" + peakFile, "dotnet" })
            {
                start.ArgumentList.Add(arg);
            }
        }

        foreach (var arg in dotnetArguments)
        {
            start.ArgumentList.Add(arg);
        }

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
            var kilobytes = peakFile is null ? polledKilobytes : long.Parse(File.ReadLines(peakFile).Last(), CultureInfo.InvariantCulture);
            return new ChildProcessResult(process.ExitCode, await output + await errors, wall, kilobytes * 1024 / 1e6);
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
