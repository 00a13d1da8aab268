using static HubAspire.Benchmarks.Statistics;

namespace HubAspire.Benchmarks.Etl;

/// <summary>The etl command's output: every run, the figure check, then each figure next to its target.</summary>
public static class EtlReport
{
    private const double WithoutTargetSeconds = 2.0, WithTargetSeconds = 5.0, RatioTarget = 1.0, PeakTargetMegabytes = 1000;
    private const double ScaleTimeTarget = 10.5, ScaleMemoryTarget = 1.2;

    private const string Without = "ETL, no processed output", With = "ETL, processed output";

    public static void Print(EtlResults results, int duckDbThreads)
    {
        var runs = new Table("scale", "case", "run", "wall s", "migrate s", "aggregate s", "load s", "other s", "rows/s", "peak MB", "processed MB");
        var without = AddSeries(runs, Without, results.WithoutProcessed, results.Rows);
        var with = AddSeries(runs, With, results.WithProcessed, results.Rows);
        var duckDbCase = $"DuckDB, threads={duckDbThreads}";
        for (var i = 0; i < results.DuckDbSeconds.Count; i++)
        {
            runs.Add("1", duckDbCase, (i + 1).ToString(), results.DuckDbSeconds[i].ToString("F2"), "", "", "", "", (results.Rows / results.DuckDbSeconds[i]).ToString("N0"), "", "");
        }

        var duckDb = Median(results.DuckDbSeconds);
        runs.Add("1", duckDbCase, "median", duckDb.ToString("F2"), "", "", "", "", (results.Rows / duckDb).ToString("N0"), "", "");
        AddScaleTen(runs, Without, results.ScaleTenWithoutProcessed);
        AddScaleTen(runs, With, results.ScaleTenWithProcessed);
        runs.Print();

        Console.WriteLine();
        var check = results.Comparison;
        Console.WriteLine(check.Differences.Count == 0
            ? $"figures match: DuckDB and the ETL's cubes read back from PostgreSQL agree on all {check.Groups:N0} groups of the 22 aggregations and the KPIs ({check.Values:N0} figures)"
            : $"FIGURES DIFFER: {check.Differences.Count:N0} of {check.Values:N0} figures (DuckDB vs the ETL's cubes read back from PostgreSQL); the first ones:");
        foreach (var difference in check.Differences.Take(20))
        {
            Console.WriteLine("  " + difference);
        }

        Console.WriteLine();
        var targets = new Table("figure", "measured", "target", "met");
        Target(targets, "wall time, no processed output (median)", without.WallSeconds, $"≤ {WithoutTargetSeconds:F1} s", WithoutTargetSeconds, " s");
        Target(targets, "wall time, processed output (median)", with.WallSeconds, $"≤ {WithTargetSeconds:F0} s", WithTargetSeconds, " s");
        Target(targets, "ours / DuckDB, the same work: aggregate phase (median)", without.AggregateSeconds / duckDb, $"≤ {RatioTarget:F1}", RatioTarget, "");
        Target(targets, "ours / DuckDB, whole ETL process wall time (median)", without.WallSeconds / duckDb, "(information)", double.NaN, "");
        Target(targets, "peak memory, no processed output (median)", without.PeakMegabytes, $"≤ {PeakTargetMegabytes:N0} MB", PeakTargetMegabytes, " MB");
        Target(targets, "peak memory, processed output (median)", with.PeakMegabytes, $"≤ {PeakTargetMegabytes:N0} MB", PeakTargetMegabytes, " MB");
        ScaleTargets(targets, "no processed output", without, results.ScaleTenWithoutProcessed);
        ScaleTargets(targets, "processed output", with, results.ScaleTenWithProcessed);
        targets.Print();
        Console.WriteLine();
        if (results.ScaleTenRows == 0)
        {
            Console.WriteLine("scale 10: skipped (--skip-scale10)");
        }

        Console.WriteLine("ETL wall time is process start to exit; migrate, aggregate (read + features + cubes) and load are the ETL's own phases,");
        Console.WriteLine("other is wall minus those phases (runtime and host start, run bookkeeping, exit); median rows hold each column's median.");
        Console.WriteLine("DuckDB's is in-process from opening a fresh in-memory database to every figure read back; both after a warm-up run.");
        Console.WriteLine("The same work is reading the Parquet files and computing every figure: the ETL's aggregate phase, timed in a fresh process;");
        Console.WriteLine("the whole process also starts a runtime, connects to PostgreSQL, records the run and loads its cells, which DuckDB's figure does not.");
    }

    /// <summary>Each run and the median of each column.</summary>
    private static EtlRun AddSeries(Table table, string name, List<EtlRun> runs, long rows)
    {
        for (var i = 0; i < runs.Count; i++)
        {
            AddRun(table, "1", name, (i + 1).ToString(), runs[i]);
        }

        var median = new EtlRun(
            Median(runs.Select(r => r.WallSeconds)), Median(runs.Select(r => r.MigrateSeconds)), Median(runs.Select(r => r.AggregateSeconds)),
            Median(runs.Select(r => r.LoadSeconds)), rows, 0, Median(runs.Select(r => r.PeakMegabytes)), Median(runs.Select(r => r.ProcessedMegabytes)), "",
            Median(runs.Select(r => r.CpuSeconds)));
        AddRun(table, "1", name, "median", median);
        return median;
    }

    private static void AddScaleTen(Table table, string name, EtlRun? run)
    {
        if (run is not null)
        {
            AddRun(table, "10", name, "1", run);
        }
    }

    /// <summary>Rows/s is over wall time, of the rows the ETL reported.</summary>
    private static void AddRun(Table table, string scale, string name, string label, EtlRun run) =>
        table.Add(scale, name, label, run.WallSeconds.ToString("F2"), run.MigrateSeconds.ToString("F2"), run.AggregateSeconds.ToString("F2"),
            run.LoadSeconds.ToString("F2"), run.OtherSeconds.ToString("F2"), (run.Rows / run.WallSeconds).ToString("N0"), run.PeakMegabytes.ToString("N0"), run.ProcessedMegabytes.ToString("N1"));

    private static void ScaleTargets(Table table, string name, EtlRun one, EtlRun? ten)
    {
        Target(table, $"scale 10 / scale 1 time, {name}", ten?.WallSeconds / one.WallSeconds, $"≤ {ScaleTimeTarget:F1}×", ScaleTimeTarget, "×");
        Target(table, $"scale 10 / scale 1 peak memory, {name}", ten?.PeakMegabytes / one.PeakMegabytes, $"≤ {ScaleMemoryTarget:F1}×", ScaleMemoryTarget, "×");
    }

    /// <param name="limit">NaN for a figure shown for information only.</param>
    private static void Target(Table table, string figure, double? value, string target, double limit, string unit)
    {
        if (value is not { } measured)
        {
            table.Add(figure, "—", target, "");
            return;
        }

        var text = unit == " MB" ? measured.ToString("N0") : measured.ToString("F2");
        table.Add(figure, text + unit, target, double.IsNaN(limit) ? "" : measured <= limit ? "yes" : "NO");
    }
}
