using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace HubAspire.Benchmarks.Api;

/// <summary>
/// The real API executable against the full-scale store (the real generator and the real ETL into
/// a throwaway PostgreSQL), loaded from separate processes on loopback: wrk for the cached
/// responses, this process for the uncached ones (each distinct period requested exactly once).
/// </summary>
public static class ApiBenchmark
{
    public const string Dashboard = "api/dashboard", Stages = "api/deals/stages";
    private const int DefaultSeconds = 10;
    private static readonly TimeSpan UncachedTimeLimit = TimeSpan.FromSeconds(120);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = args.SkipWhile(a => a != "--seconds").Skip(1).Select(a => int.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(DefaultSeconds);
        var wrk = Wrk.Find();
        if (wrk is null)
        {
            Console.WriteLine(Wrk.InstallHint + "; the wrk cases are skipped, the uncached case still runs");
        }

        using var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(30) };
        Console.WriteLine($"api: the real API executable (Release, Production), {Environment.ProcessorCount} cores shared by the API, the load generator and PostgreSQL");
        await using var store = await ServedStore.StartAsync(client, cancellationToken);
        var api = store.Api;

        var results = new List<ApiCase>();
        foreach (var path in new[] { Dashboard, Stages })
        {
            // Warm: the first request renders and caches the response; every later one is a cache hit.
            var bytes = await GetAsync(client, new Uri(api.BaseAddress, path), cancellationToken);
            var name = $"/{path} cached";
            if (wrk is null)
            {
                results.Add(new ApiCase(name, "skipped: wrk is not installed", null, 0, 0, double.NaN, double.NaN, double.NaN));
                continue;
            }

            Console.WriteLine($"  {name} ({bytes:N0} bytes): {Wrk.Command(seconds)}");
            var run = await Wrk.RunAsync(wrk, new Uri(api.BaseAddress, path), seconds, cancellationToken);
            results.Add(new ApiCase(name, Wrk.Command(seconds), Wrk.Connections, run.Requests, run.Failures, run.RequestsPerSecond, run.P50Milliseconds, run.P99Milliseconds));
        }

        results.Add(await UncachedAsync(client, api.BaseAddress, cancellationToken));
        Console.WriteLine();
        ApiReport.Print(results);
        return results.Any(r => r.Failures > 0) ? 1 : 0;
    }

    /// <summary>
    /// <c>/api/dashboard?from=…&amp;to=…</c> for every distinct period of the data range, each once, in a
    /// shuffled order, one request at a time on one connection: every response is a cache miss
    /// (the cache is keyed by the period), and its latency is the API's alone, with no queueing.
    /// A second pass would only measure the cache, so there is none; wrk is not used here because
    /// it cannot stop after a fixed set of requests.
    /// </summary>
    private static async Task<ApiCase> UncachedAsync(HttpClient client, Uri baseAddress, CancellationToken cancellationToken)
    {
        var months = await DataMonthsAsync(client, baseAddress, cancellationToken);
        var periods = months.SelectMany((from, i) => months.Skip(i).Select(to => (From: from, To: to))).ToArray();
        new Random(4).Shuffle(periods);

        // Warm the code path (JIT, first allocations) with periods starting before the data: other
        // cache keys than any measured period. Not counted.
        var before = Enumerable.Range(1, 12).Select(n => months[0].AddMonths(-n));
        foreach (var (from, to) in before.Zip(months.Take(12)))
        {
            await GetAsync(client, PeriodUri(baseAddress, from, to), cancellationToken);
        }

        Console.WriteLine($"  /{Dashboard}?from=…&to=… uncached: {periods.Length:N0} distinct periods of {months.Length} months, each once, one at a time");
        var latencies = new List<double>(periods.Length);
        var failures = 0;
        var clock = Stopwatch.StartNew();
        foreach (var (from, to) in periods)
        {
            if (clock.Elapsed > UncachedTimeLimit)
            {
                Console.WriteLine($"  stopped after {UncachedTimeLimit.TotalSeconds:F0} s: {latencies.Count:N0} of {periods.Length:N0} periods measured");
                break;
            }

            var start = Stopwatch.GetTimestamp();
            using var response = await client.GetAsync(PeriodUri(baseAddress, from, to), HttpCompletionOption.ResponseContentRead, cancellationToken);
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            failures += response.StatusCode == HttpStatusCode.OK ? 0 : 1;
        }

        var elapsed = clock.Elapsed.TotalSeconds;
        latencies.Sort();
        return new ApiCase($"/{Dashboard}?from&to uncached", "this process, HttpClient, each period once", 1, latencies.Count, failures,
            latencies.Count / elapsed, Statistics.Percentile(latencies, 50), Statistics.Percentile(latencies, 99));
    }

    /// <summary>Every month of the served run's data range, from <c>/api/meta</c>.</summary>
    private static async Task<DateOnly[]> DataMonthsAsync(HttpClient client, Uri baseAddress, CancellationToken cancellationToken)
    {
        using var meta = JsonDocument.Parse(await client.GetStringAsync(new Uri(baseAddress, "api/meta"), cancellationToken));
        var range = meta.RootElement.GetProperty("data_range");
        var first = Month(range.GetProperty("first_month").GetString()!);
        var last = Month(range.GetProperty("last_month").GetString()!);
        var months = new List<DateOnly>();
        for (var month = first; month <= last; month = month.AddMonths(1))
        {
            months.Add(month);
        }

        return [.. months];

        static DateOnly Month(string text) => DateOnly.ParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private static Uri PeriodUri(Uri baseAddress, DateOnly from, DateOnly to) =>
        new(baseAddress, $"{Dashboard}?from={from:yyyy-MM}&to={to:yyyy-MM}");

    /// <summary>One request that must answer 200; its body's length.</summary>
    private static async Task<long> GetAsync(HttpClient client, Uri uri, CancellationToken cancellationToken)
    {
        using var response = await client.GetAsync(uri, cancellationToken);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        return response.StatusCode == HttpStatusCode.OK
            ? body.Length
            : throw new InvalidOperationException($"GET {uri} answered {(int)response.StatusCode}.");
    }
}
