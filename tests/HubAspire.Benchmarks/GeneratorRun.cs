using System.Globalization;
using System.Text.RegularExpressions;

namespace HubAspire.Benchmarks;

/// <summary>One run of the real generator executable, as a separate process, and what it reported.</summary>
public sealed partial record GeneratorRun(double WallSeconds, double GenerateSeconds, long Rows, double PeakMegabytes, double OutputMegabytes, double CpuSeconds)
{
    /// <param name="options">Where the generator runs (pinned, as a cluster's client); by default as a user runs it.</param>
    /// <param name="workers">Its <c>--workers</c>; by default one per core.</param>
    public static async Task<GeneratorRun> ExecuteAsync(
        double scale, string dataDirectory, CancellationToken cancellationToken = default, ChildProcessOptions? options = null, int? workers = null)
    {
        var run = await ChildProcess.RunDotnetAsync("HubAspire.Generator.dll",
            ["--scale", scale.ToString(CultureInfo.InvariantCulture), "--out", dataDirectory, "--force",
                .. workers is { } n ? new[] { "--workers", n.ToString(CultureInfo.InvariantCulture) } : []],
            cancellationToken, options);
        var ready = ReadyLine().Match(run.Output);
        if (run.ExitCode != 0 || !ready.Success)
        {
            throw new InvalidOperationException($"The generator failed (exit code {run.ExitCode}):\n{run.Output}");
        }

        return new GeneratorRun(
            run.WallSeconds,
            Number(ready.Groups["seconds"].Value),
            (long)Number(ready.Groups["rows"].Value),
            Number(ready.Groups["peak"].Value),
            Number(ready.Groups["size"].Value),
            run.CpuSeconds);
    }

    private static double Number(string text) => double.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Dataset ready in .*?: (?<rows>[\d,]+) rows, (?<size>[\d.,]+) MB, in (?<seconds>[\d.]+) s .*peak memory (?<peak>[\d,]+) MB")]
    private static partial Regex ReadyLine();
}
