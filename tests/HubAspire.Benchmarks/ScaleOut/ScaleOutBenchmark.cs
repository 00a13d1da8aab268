using System.Globalization;
using HubAspire.Benchmarks.Etl;
using HubAspire.Benchmarks.Figures;
using HubAspire.Datasets.Manifest;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Postgres;
using HubAspire.Store;
using Npgsql;

namespace HubAspire.Benchmarks.ScaleOut;

/// <summary>
/// The generator and the ETL's map step (its aggregate phase, without processed output) four ways,
/// every process pinned with <c>taskset</c> and told how many cores it has: in-process on core 0
/// (the anchor), on a cluster of one silo (core 0) and of two silos (cores 0 and 1), and in-process
/// on both cores (what this machine's two cores give without a cluster: the ceiling for two silos).
/// The job itself, the cluster's client, shares core 0 with the silos. The setups take turns within
/// each run, so the machine's drift spreads over all of them; the cluster's start is timed apart.
/// </summary>
public static class ScaleOutBenchmark
{
    private enum Setup { InProcess, OneSilo, TwoSilos, InProcessTwoCores }

    private const int ClientCore = 0;

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var runs = BenchmarkOptions.Parse(args).Runs;
        var scale = args.SkipWhile(a => a != "--scale").Skip(1).Select(a => double.Parse(a, CultureInfo.InvariantCulture)).FirstOrDefault(10.0);
        using var temp = new TempDirectory("hubaspire-bench-");
        await using var server = await TestPostgresServer.StartAsync(backend: null, cancellationToken);
        var database = await server.CreateDatabaseAsync("scale_out", cancellationToken);
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            await new RunStore(dataSource).MigrateAsync(cancellationToken);
        }

        Console.WriteLine($"scale-out: scale {scale}, {runs} run(s), {Environment.ProcessorCount} cores, data in {temp.Path}; PostgreSQL: {server.Backend} backend");
        var results = Enum.GetValues<Setup>().ToDictionary(s => s, _ => new SetupResults());
        DatasetManifest? anchorDataset = null;
        DashboardFigures? anchorFigures = null;
        var differences = new List<string>();

        for (var run = 0; run < runs; run++)
        {
            foreach (var setup in Enum.GetValues<Setup>())
            {
                await using var cluster = setup switch
                {
                    Setup.OneSilo => await BenchCluster.StartAsync(database, [0], cancellationToken),
                    Setup.TwoSilos => await BenchCluster.StartAsync(database, [0, 1], cancellationToken),
                    _ => null,
                };
                var cores = setup == Setup.InProcessTwoCores ? 2 : 1;
                var options = cluster?.ClientOptions(ClientCore) ?? new ChildProcessOptions([.. Enumerable.Range(0, cores)]);

                var siloCpu = cluster?.CpuSeconds() ?? 0;
                var generated = await GeneratorRun.ExecuteAsync(scale, temp.Path, cancellationToken, options, workers: cores);
                var generateBusy = cluster is null ? 1 : (cluster.CpuSeconds() - siloCpu) / (generated.WallSeconds * cluster.Silos);
                var dataset = DatasetManifest.TryRead(Path.Combine(temp.Path, "raw"))!;
                siloCpu = cluster?.CpuSeconds() ?? 0;
                var etl = await EtlRun.ExecuteAsync(EtlRun.BuiltAssembly, temp.Path, database, noProcessed: true, cancellationToken, options, ["--force", "--workers", cores.ToString(CultureInfo.InvariantCulture)]);
                var mapBusy = cluster is null ? 1 : (cluster.CpuSeconds() - siloCpu) / (etl.WallSeconds * cluster.Silos);
                var figures = await EtlBenchmark.OurFiguresAsync(etl);

                // Every setup must make the anchor's files and figures.
                anchorDataset ??= dataset;
                anchorFigures ??= figures;
                if (!dataset.Entities.SelectMany(e => e.Files).SequenceEqual(anchorDataset.Entities.SelectMany(e => e.Files)))
                {
                    differences.Add($"{setup}, run {run + 1}: the generated files differ from the in-process generator's (path, rows, bytes)");
                }

                differences.AddRange(FigureComparison.Compare(figures, anchorFigures).Differences.Select(d => $"{setup}, run {run + 1}: {d}"));

                var result = results[setup];
                result.Generate.Add(generated.GenerateSeconds);
                result.Map.Add(etl.AggregateSeconds);
                if (cluster is not null)
                {
                    result.ClusterStart.Add(cluster.StartTime.TotalSeconds);
                }

                Console.WriteLine($"  run {run + 1}, {Describe(setup)}: generate {generated.GenerateSeconds:F2} s, map {etl.AggregateSeconds:F2} s" +
                    (cluster is null ? "" : $" (cluster started in {cluster.StartTime.TotalSeconds:F1} s; silos busy {generateBusy:P0} and {mapBusy:P0} of the jobs' wall time," +
                      $" the jobs themselves {generated.CpuSeconds:F1} and {etl.CpuSeconds:F1} CPU s)"));
            }
        }

        Console.WriteLine();
        Print(results, scale, anchorDataset!.Entities.Sum(e => e.Rows));
        foreach (var difference in differences)
        {
            Console.WriteLine($"DIFFERENCE: {difference}");
        }

        Console.WriteLine(differences.Count == 0 ? "Every setup made the in-process files (path, rows, bytes) and figures." : $"{differences.Count} difference(s).");
        return differences.Count == 0 ? 0 : 1;
    }

    private static void Print(IReadOnlyDictionary<Setup, SetupResults> results, double scale, long rows)
    {
        Console.WriteLine($"scale {scale}: {rows:N0} rows; medians of {results[Setup.InProcess].Generate.Count} run(s), each process on one core");
        var anchor = results[Setup.InProcess];
        var table = new Table("setup", "generate s", "× in-process", "map s", "× in-process", "cluster start s");
        foreach (var (setup, result) in results)
        {
            table.Add(Describe(setup),
                $"{Statistics.Median(result.Generate):F2}", $"{Statistics.Median(result.Generate) / Statistics.Median(anchor.Generate):F2}",
                $"{Statistics.Median(result.Map):F2}", $"{Statistics.Median(result.Map) / Statistics.Median(anchor.Map):F2}",
                result.ClusterStart.Count == 0 ? "" : $"{Statistics.Median(result.ClusterStart):F1}");
        }

        table.Print();
        var (one, two, bothCores) = (results[Setup.OneSilo], results[Setup.TwoSilos], results[Setup.InProcessTwoCores]);
        // Ratios of runs made back to back, then their median: the machine's speed drifts between runs.
        Console.WriteLine($"speed-up, 2 silos over 1 (target ≥ 1.7; median of each run's ratio): generate {PairedRatio(one.Generate, two.Generate):F2}×, " +
            $"map {PairedRatio(one.Map, two.Map):F2}×");
        Console.WriteLine($"the machine's own, in-process on 2 cores over 1: generate {PairedRatio(anchor.Generate, bothCores.Generate):F2}×, " +
            $"map {PairedRatio(anchor.Map, bothCores.Map):F2}×");
        Console.WriteLine($"overhead, 1 silo over in-process (target ≤ 15 %; median of each run's ratio): generate {Overhead(one.Generate, anchor.Generate)}, " +
            $"map {Overhead(one.Map, anchor.Map)}");
    }

    private static double PairedRatio(List<double> numerators, List<double> denominators) =>
        Statistics.Median(numerators.Zip(denominators, (n, d) => n / d));

    private static string Overhead(List<double> cluster, List<double> inProcess) =>
        $"{(PairedRatio(cluster, inProcess) - 1) * 100:+0;-0} %";

    private static string Describe(Setup setup) => setup switch
    {
        Setup.InProcess => "in-process, core 0",
        Setup.OneSilo => "1 silo, core 0",
        Setup.TwoSilos => "2 silos, cores 0 and 1",
        _ => "in-process, cores 0 and 1",
    };

    private sealed class SetupResults
    {
        public List<double> Generate { get; } = [];

        public List<double> Map { get; } = [];

        public List<double> ClusterStart { get; } = [];
    }
}
