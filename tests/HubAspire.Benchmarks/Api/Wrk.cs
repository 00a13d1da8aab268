using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace HubAspire.Benchmarks.Api;

/// <summary>What one wrk run reported: its request count and rate, latency percentiles and failures.</summary>
public sealed record WrkResult(long Requests, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds, long Failures);

/// <summary>
/// wrk, a separate load-generating process on loopback: a fixed number of threads and connections
/// for a fixed time (<c>-d</c>), with its latency distribution (<c>--latency</c>).
/// </summary>
public static partial class Wrk
{
    public const int Threads = 2, Connections = 16;

    public const string InstallHint = "wrk is not installed: install it with `apt-get install wrk` (Debian/Ubuntu), then run this command again";

    /// <summary>wrk's path on PATH, or null (the benchmark never installs it).</summary>
    public static string? Find() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, "wrk"))
            .FirstOrDefault(File.Exists);

    public static string Command(int seconds) => $"wrk -t{Threads} -c{Connections} -d{seconds}s --latency";

    public static async Task<WrkResult> RunAsync(string wrk, Uri url, int seconds, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(wrk) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { $"-t{Threads}", $"-c{Connections}", $"-d{seconds}s", "--latency", "--timeout", "5s", url.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        // wrk stops itself after -d; this bounds a wrk that hangs.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(seconds + 30));
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = process.StandardError.ReadToEndAsync(CancellationToken.None);
        try
        {
            await process.WaitForExitAsync(bounded.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await output + await errors;
        var requests = RequestsLine().Match(text);
        var rate = RateLine().Match(text);
        if (process.ExitCode != 0 || !requests.Success || !rate.Success)
        {
            throw new InvalidOperationException($"wrk failed (exit code {process.ExitCode}):\n{text}");
        }

        var socketErrors = SocketErrorsLine().Match(text);
        var failures = (NonSuccessLine().Match(text) is { Success: true } non ? long.Parse(non.Groups[1].Value, CultureInfo.InvariantCulture) : 0)
            + (socketErrors.Success ? Enumerable.Range(1, 4).Sum(i => long.Parse(socketErrors.Groups[i].Value, CultureInfo.InvariantCulture)) : 0);
        return new WrkResult(
            long.Parse(requests.Groups["count"].Value, CultureInfo.InvariantCulture),
            Number(rate.Groups[1].Value),
            Percentile(text, "50"),
            Percentile(text, "99"),
            failures);
    }

    /// <summary>A line of wrk's latency distribution, e.g. <c>99%    1.23ms</c>, in milliseconds.</summary>
    private static double Percentile(string text, string percent)
    {
        var line = Regex.Match(text, $@"^\s*{percent}%\s+(?<value>[\d.]+)(?<unit>us|ms|s|m)\s*$", RegexOptions.Multiline);
        if (!line.Success)
        {
            throw new InvalidOperationException($"wrk printed no {percent}% latency:\n{text}");
        }

        var value = Number(line.Groups["value"].Value);
        return line.Groups["unit"].Value switch
        {
            "us" => value / 1000,
            "ms" => value,
            "s" => value * 1000,
            _ => value * 60_000,
        };
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<count>\d+) requests in [\d.]+(?:ms|s|m)")]
    private static partial Regex RequestsLine();

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RateLine();

    [GeneratedRegex(@"Non-2xx or 3xx responses: (\d+)")]
    private static partial Regex NonSuccessLine();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsLine();
}
