namespace HubAspire.Benchmarks.Web;

/// <summary>
/// The web command's output: every run's figures; each figure over run 1 (cold API cache) and over
/// the later runs (warm), next to its target; the slowest API requests; what went wrong on the page.
/// </summary>
public static class WebReport
{
    private const double NavigationTargetMs = 1000, TabTargetMs = 300;
    private const int SlowestRequests = 6;

    /// <summary>Fewer values than this make a p90 that is only the maximum again: it is not printed.</summary>
    private const int PercentileMinimum = 10;

    public static void Print(IReadOnlyList<WebRun> runs, IReadOnlyList<string> screenshotProblems)
    {
        var first = runs[0].FirstTab;
        var perRun = new Table(["run", "API cache", $"navigation → {first}", .. runs[0].Tabs.Select(t => t.Id)]);
        for (var i = 0; i < runs.Count; i++)
        {
            perRun.Add([(i + 1).ToString(), i == 0 ? "cold" : "warm", Ms(runs[i].NavigationMs), .. runs[i].Tabs.Select(t => Ms(t.Milliseconds))]);
        }

        Console.WriteLine($"ms: navigation start → {first} drawn (the page's firstDrawnMs); each other tab: its click → all its cards drawn (drawnMs)");
        perRun.Print();
        Console.WriteLine();

        var milestones = new Table("run", "HTML", "other files", "last file", "DOMContentLoaded", "first API request", "last API response", $"{first} drawn");
        for (var i = 0; i < runs.Count; i++)
        {
            var n = runs[i].Navigation;
            milestones.Add((i + 1).ToString(), Ms(n.HtmlMs), n.StaticFiles.ToString(), Ms(n.LastStaticFileMs), Ms(n.DomReadyMs),
                Ms(n.FirstApiRequestMs), Ms(n.LastApiResponseMs), Ms(n.FirstDrawnMs));
        }

        Console.WriteLine($"where the navigation's time goes, ms since its start (files and API requests: those loaded until {first} was drawn):");
        milestones.Print();
        Console.WriteLine();

        var (cold, warm) = (runs.Take(1).ToList(), runs.Skip(1).ToList());
        var warmRuns = runs.Count > 1 ? $"2..{runs.Count} (warm)" : "none (--runs 1)";
        var summary = new Table("figure", "runs", "n", "median", "p90", "max", "target", "met (median)", "met (max)");
        Row(summary, $"navigation → {first} drawn", "1 (cold API cache)", cold.Select(r => r.NavigationMs), NavigationTargetMs);
        Row(summary, $"navigation → {first} drawn", warmRuns, warm.Select(r => r.NavigationMs), NavigationTargetMs);
        Row(summary, "tab drawn after a click", "1 (cold API cache)", cold.SelectMany(r => r.Tabs.Select(t => t.Milliseconds)), TabTargetMs);
        Row(summary, "tab drawn after a click", warmRuns, warm.SelectMany(r => r.Tabs.Select(t => t.Milliseconds)), TabTargetMs);
        summary.Print();
        Console.WriteLine();

        PrintSlowestRequests(cold, warm);
        Console.WriteLine();
        PrintProblems(runs, screenshotProblems);
        Console.WriteLine();
        Console.WriteLine("Each run opens a fresh browser context (no HTTP cache) at / and clicks every other tab once, in order. Run 1 meets the");
        Console.WriteLine("API's cold cache (each response computed from PostgreSQL once, and a cold web host); later runs are served from its");
        Console.WriteLine("per-run cache. \"Drawn\": every card of the tab settled, the charts created (their 450 ms entry animation not counted).");
        Console.WriteLine($"p90 is the nearest rank, printed from {PercentileMinimum} values on. Browser, web host, API and PostgreSQL share this machine's {Environment.ProcessorCount} cores.");
    }

    private static void Row(Table table, string figure, string runs, IEnumerable<double> values, double targetMs)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            table.Add(figure, runs, "0", "—", "—", "—", $"≤ {targetMs:F0} ms", "", "");
            return;
        }

        var median = Statistics.Median(sorted);
        var p90 = sorted.Count >= PercentileMinimum ? Ms(Statistics.Percentile(sorted, 90)) : "—";
        table.Add(figure, runs, sorted.Count.ToString(), Ms(median), p90, Ms(sorted[^1]), $"≤ {targetMs:F0} ms",
            median <= targetMs ? "yes" : "NO", sorted[^1] <= targetMs ? "yes" : "NO");
    }

    /// <summary>The API requests that took longest in the browser, in run 1 and in the later runs (their median).</summary>
    private static void PrintSlowestRequests(List<WebRun> cold, List<WebRun> warm)
    {
        var coldMs = cold.SelectMany(r => r.Requests).GroupBy(r => r.Path).ToDictionary(g => g.Key, g => g.Max(r => r.Milliseconds));
        var warmMs = warm.SelectMany(r => r.Requests).GroupBy(r => r.Path).ToDictionary(g => g.Key, g => Statistics.Median(g.Select(r => r.Milliseconds)));
        var paths = coldMs.OrderByDescending(p => p.Value).Take(SlowestRequests)
            .Concat(warmMs.OrderByDescending(p => p.Value).Take(SlowestRequests))
            .Select(p => p.Key).Distinct()
            .OrderByDescending(p => coldMs.GetValueOrDefault(p));
        var table = new Table("API request", "run 1", "runs 2..n median");
        foreach (var path in paths)
        {
            table.Add(path, coldMs.TryGetValue(path, out var c) ? Ms(c) : "—", warmMs.TryGetValue(path, out var w) ? Ms(w) : "—");
        }

        Console.WriteLine($"slowest API requests of the {cold.Sum(r => r.Requests.Count)} a run makes, in ms from request start to response end as the browser timed them:");
        table.Print();
    }

    private static void PrintProblems(IReadOnlyList<WebRun> runs, IReadOnlyList<string> screenshotProblems)
    {
        var problems = runs.SelectMany(r => r.Problems).Concat(screenshotProblems).GroupBy(p => p).ToList();
        Console.WriteLine(problems.Count == 0
            ? "page: no console error or warning, no uncaught error, no failed response"
            : "page: console errors and warnings, uncaught errors, failed responses (times seen):");
        foreach (var problem in problems)
        {
            Console.WriteLine($"  {problem.Count()}× {problem.Key}");
        }

        var undrawn = runs.SelectMany(r => r.UndrawnCards).GroupBy(c => c).ToList();
        Console.WriteLine(undrawn.Count == 0 ? "cards: every card of every tab drawn, in every run" : "cards not drawn (times seen):");
        foreach (var card in undrawn)
        {
            Console.WriteLine($"  {card.Count()}× {card.Key.Card}: {card.Key.State}");
        }
    }

    private static string Ms(double value) => value.ToString("F0");
}
