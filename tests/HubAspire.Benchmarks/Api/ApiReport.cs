namespace HubAspire.Benchmarks.Api;

/// <summary>The api command's output: each case, then each figure next to its target.</summary>
public static class ApiReport
{
    private const double CachedP50TargetMs = 2, CachedRateTarget = 5_000, UncachedP50TargetMs = 30;

    public static void Print(IReadOnlyList<ApiCase> cases)
    {
        var table = new Table("case", "load", "connections", "requests", "failed", "req/s", "p50 ms", "p99 ms");
        foreach (var c in cases)
        {
            table.Add(c.Name, c.Load, c.Connections?.ToString() ?? "", c.Requests.ToString("N0"), c.Failures.ToString("N0"),
                Format(c.RequestsPerSecond, "N0"), Format(c.P50Milliseconds, "F2"), Format(c.P99Milliseconds, "F2"));
        }

        table.Print();
        Console.WriteLine();

        var cached = cases.First(c => c.Name.StartsWith("/" + ApiBenchmark.Dashboard + " ", StringComparison.Ordinal));
        var uncached = cases.First(c => c.Name.Contains("uncached", StringComparison.Ordinal));
        var targets = new Table("figure", "measured", "target", "met");
        Target(targets, "cached /api/dashboard p50", cached.P50Milliseconds, " ms", $"≤ {CachedP50TargetMs:F0} ms", cached.P50Milliseconds <= CachedP50TargetMs);
        Target(targets, "cached /api/dashboard req/s", cached.RequestsPerSecond, "", $"≥ {CachedRateTarget:N0}", cached.RequestsPerSecond >= CachedRateTarget);
        Target(targets, "uncached filtered /api/dashboard p50", uncached.P50Milliseconds, " ms", $"≤ {UncachedP50TargetMs:F0} ms", uncached.P50Milliseconds <= UncachedP50TargetMs);
        targets.Print();
        Console.WriteLine();
        Console.WriteLine("Cached: wrk in its own process, after one warming request; latency is wrk's, from send to full response, queueing at 16 connections included.");
        Console.WriteLine("Uncached: every distinct from/to period of the data range requested exactly once (a cache miss each, as the cache is keyed");
        Console.WriteLine("by period), sequentially on one keep-alive connection from this process, after 12 warming periods outside that set.");
        Console.WriteLine("Its req/s is that of one connection waiting for each response, not a throughput figure.");
    }

    private static string Format(double value, string format) => double.IsNaN(value) ? "—" : value.ToString(format);

    private static void Target(Table table, string figure, double value, string unit, string target, bool met) =>
        table.Add(figure, double.IsNaN(value) ? "—" : value.ToString(unit == "" ? "N0" : "F2") + unit, target, double.IsNaN(value) ? "" : met ? "yes" : "NO");
}
