using System.Globalization;
using System.Text.RegularExpressions;
using HubAspire.Datasets;
using HubAspire.Store;
using Npgsql;

namespace HubAspire.Benchmarks.Etl;

/// <summary>
/// One run of the real ETL executable, as a separate process, and what it reported: its own
/// aggregate and load seconds (final log line) and migration seconds (its run's record), next to
/// the wall time and peak memory measured outside.
/// </summary>
public sealed partial record EtlRun(
    double WallSeconds, double MigrateSeconds, double AggregateSeconds, double LoadSeconds, long Rows, long RunId,
    double PeakMegabytes, double ProcessedMegabytes, string ConnectionString, double CpuSeconds)
{
    public const string NoProcessedOption = "--no-processed";

    /// <summary>The ETL built next to this program (the build output, compiled by the JIT as it runs).</summary>
    public const string BuiltAssembly = "HubAspire.Etl.dll";

    /// <summary>Wall time outside the ETL's phases: runtime and host start, run bookkeeping, exit.</summary>
    public double OtherSeconds => WallSeconds - MigrateSeconds - AggregateSeconds - LoadSeconds;

    /// <param name="assembly">The ETL's assembly (see <see cref="PublishedEtl"/>).</param>
    /// <param name="connectionString">A fresh database: the ETL skips a dataset it already loaded there.</param>
    /// <param name="noProcessed">Pass <see cref="NoProcessedOption"/>.</param>
    /// <param name="options">Where the ETL runs (pinned, as a cluster's client); by default as a user runs it.</param>
    /// <param name="extraArguments">More options, e.g. <c>--force</c> to load the same dataset again into one database.</param>
    public static async Task<EtlRun> ExecuteAsync(string assembly, string dataDirectory, string connectionString, bool noProcessed, CancellationToken cancellationToken,
        ChildProcessOptions? options = null, IEnumerable<string>? extraArguments = null)
    {
        // Every run writes the processed dataset from scratch, whatever the ETL does with an existing one.
        var processed = new DatasetLayout(dataDirectory).ProcessedDirectory;
        if (Directory.Exists(processed))
        {
            Directory.Delete(processed, recursive: true);
        }

        List<string> arguments = ["--data", dataDirectory, "--connection", connectionString];
        if (noProcessed)
        {
            arguments.Add(NoProcessedOption);
        }

        arguments.AddRange(extraArguments ?? []);
        var run = await ChildProcess.RunDotnetAsync(assembly, arguments, cancellationToken, options);
        var done = SucceededLine().Match(run.Output);
        if (run.ExitCode != 0 || !done.Success)
        {
            throw new InvalidOperationException($"The ETL failed (exit code {run.ExitCode}):\n{run.Output}");
        }

        var runId = (long)Number(done.Groups["run"].Value);
        return new EtlRun(
            run.WallSeconds,
            await MigrateSecondsAsync(connectionString, runId, cancellationToken),
            Number(done.Groups["aggregate"].Value),
            Number(done.Groups["load"].Value),
            (long)Number(done.Groups["rows"].Value),
            runId,
            run.PeakMegabytes,
            Directory.Exists(processed) ? Directory.EnumerateFiles(processed, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) / 1e6 : 0,
            connectionString,
            run.CpuSeconds);
    }

    /// <summary>The "migrate" phase the ETL records in its run; NaN when it records none.</summary>
    private static async Task<double> MigrateSecondsAsync(string connectionString, long runId, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var run = await new RunStore(dataSource).GetRunAsync(runId, cancellationToken);
        return run?.PhaseDurations?.TryGetValue("migrate", out var migrate) == true ? migrate.TotalSeconds : double.NaN;
    }

    private static double Number(string text) => double.Parse(text.Replace(",", ""), CultureInfo.InvariantCulture);

    [GeneratedRegex(@"Run (?<run>\d+) succeeded: (?<rows>[\d,]+) rows aggregated in (?<aggregate>[\d.]+) s \(.*?\), [\d,]+ cube cells loaded in (?<load>[\d.]+) s")]
    private static partial Regex SucceededLine();
}
