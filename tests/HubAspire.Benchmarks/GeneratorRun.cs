using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HubAspire.Benchmarks;

/// <summary>One run of the real generator executable, as a separate process, and what it reported.</summary>
public sealed partial record GeneratorRun(double WallSeconds, double GenerateSeconds, long Rows, double PeakMegabytes, double OutputMegabytes)
{
    public static async Task<GeneratorRun> ExecuteAsync(double scale, string dataDirectory)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HubAspire.Generator.dll"));
        foreach (var arg in new[] { "--scale", scale.ToString(CultureInfo.InvariantCulture), "--out", dataDirectory, "--force" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var wall = clock.Elapsed.TotalSeconds;

        var text = await output + await errors;
        var ready = ReadyLine().Match(text);
        if (process.ExitCode != 0 || !ready.Success)
        {
            throw new InvalidOperationException($"The generator failed (exit code {process.ExitCode}):\n{text}");
        }

        return new GeneratorRun(
            wall,
            Number(ready.Groups["seconds"].Value),
            (long)Number(ready.Groups["rows"].Value),
            Number(ready.Groups["peak"].Value),
            Number(ready.Groups["size"].Value));
    }

    private static double Number(string text) => double.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Dataset ready in .*?: (?<rows>[\d,]+) rows, (?<size>[\d.,]+) MB, in (?<seconds>[\d.]+) s .*peak memory (?<peak>[\d,]+) MB")]
    private static partial Regex ReadyLine();
}
