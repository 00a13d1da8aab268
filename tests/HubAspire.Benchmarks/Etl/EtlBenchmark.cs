using HubAspire.Benchmarks.DuckDb;
using HubAspire.Benchmarks.Figures;
using HubAspire.Datasets;
using HubAspire.Store;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Benchmarks.Etl;

/// <summary>
/// The full-scale ETL, published as a deployment would (<see cref="PublishedEtl"/>), as a separate
/// process into a throwaway PostgreSQL, with and without processed output, several times each; in
/// the same run DuckDB computing the same figures from the same files, checked equal to ours; then
/// once at scale 10.
/// </summary>
public static class EtlBenchmark
{
    private const int DuckDbThreads = 2;
    private static readonly TimeSpan SettleTime = TimeSpan.FromSeconds(1);

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var (runs, scaleTen) = BenchmarkOptions.Parse(args);
        using var temp = new TempDirectory("hubaspire-bench-");
        var directory = temp.Path;
        TestPostgresServer? server = null;
        try
        {
            Console.WriteLine($"etl: the real ETL executable, {Environment.ProcessorCount} cores, data in {directory}");
            var etl = await PublishedEtl.PublishAsync(Path.Combine(directory, "etl"), cancellationToken);
            Console.WriteLine($"ETL: {etl} ({PublishedEtl.Description})");
            Console.WriteLine($"peak memory: {ChildProcess.PeakMemoryMethod}");
            var generated = await GeneratorRun.ExecuteAsync(1.0, directory, cancellationToken);
            Console.WriteLine($"dataset: {generated.Rows:N0} rows (scale 1) generated in {generated.WallSeconds:F1} s");

            server = await TestPostgresServer.StartAsync(backend: null, cancellationToken);
            Console.WriteLine($"PostgreSQL: {server.Backend} backend ({server.SelectionReason}); a fresh, already migrated database per ETL run");

            Console.WriteLine($"DuckDB {DuckDbFigures.Version()} in this process, threads={DuckDbThreads}, on the same Parquet files: one GROUPING SETS query per entity");
            Console.WriteLine("warming up (one ETL run and one DuckDB run, not counted)");
            await RunEtlAsync(etl, server, directory, generated.Rows, noProcessed: true, cancellationToken);
            DuckDbFigures.Compute(new DatasetLayout(directory).RawDirectory, DuckDbThreads);

            var results = new EtlResults(generated.Rows);
            for (var i = 0; i < runs; i++)
            {
                results.WithoutProcessed.Add(await RunEtlAsync(etl, server, directory, generated.Rows, noProcessed: true, cancellationToken));
            }

            for (var i = 0; i < runs; i++)
            {
                results.WithProcessed.Add(await RunEtlAsync(etl, server, directory, generated.Rows, noProcessed: false, cancellationToken));
            }

            DashboardFigures? duckDbFigures = null;
            for (var i = 0; i < runs; i++)
            {
                var (figures, seconds) = DuckDbFigures.Compute(new DatasetLayout(directory).RawDirectory, DuckDbThreads);
                duckDbFigures = figures;
                results.DuckDbSeconds.Add(seconds);
                Console.WriteLine($"  DuckDB, {generated.Rows:N0} rows: {seconds:F2} s");
            }

            results.Comparison = FigureComparison.Compare(await OurFiguresAsync(results.WithoutProcessed[^1]), duckDbFigures!);

            if (scaleTen)
            {
                var ten = await GeneratorRun.ExecuteAsync(10.0, directory, cancellationToken);
                Console.WriteLine($"dataset: {ten.Rows:N0} rows (scale 10) generated in {ten.WallSeconds:F1} s");
                results.ScaleTenRows = ten.Rows;
                results.ScaleTenWithoutProcessed = await RunEtlAsync(etl, server, directory, ten.Rows, noProcessed: true, cancellationToken);
                results.ScaleTenWithProcessed = await RunEtlAsync(etl, server, directory, ten.Rows, noProcessed: false, cancellationToken);
            }

            Console.WriteLine();
            EtlReport.Print(results, DuckDbThreads);
            return results.Comparison.Differences.Count == 0 ? 0 : 1;
        }
        finally
        {
            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
    }

    /// <summary>The real ETL (<paramref name="etl"/>, its assembly) into a fresh, already migrated database of <paramref name="server"/>; checks it aggregated every row.</summary>
    internal static async Task<EtlRun> RunEtlAsync(
        string etl, TestPostgresServer server, string directory, long rows, bool noProcessed, CancellationToken cancellationToken)
    {
        var database = await server.CreateDatabaseAsync("etl_bench", cancellationToken);
        await using (var dataSource = NpgsqlDataSource.Create(database))
        {
            // The state of every run but the very first: the schema is there, this dataset is not loaded.
            await new RunStore(dataSource).MigrateAsync(cancellationToken);

            // Creating a database writes its whole template: flushed now, not by the checkpointer while the ETL is timed.
            await using var checkpoint = dataSource.CreateCommand("CHECKPOINT");
            await checkpoint.ExecuteNonQueryAsync(cancellationToken);
        }

        // The previous run's and this preparation's background work (PostgreSQL's, this program's)
        // settles first: without the pause every other run was 0.1 s slower, on 2 cores.
        await Task.Delay(SettleTime, cancellationToken);

        var run = await EtlRun.ExecuteAsync(etl, directory, database, noProcessed, cancellationToken);
        Console.WriteLine($"  ETL, {(run.ProcessedMegabytes > 0 ? "" : "no ")}processed output, {rows:N0} rows: {run.WallSeconds:F2} s");
        return run.Rows == rows
            ? run
            : throw new InvalidOperationException($"The ETL aggregated {run.Rows:N0} rows of a {rows:N0}-row dataset.");
    }

    /// <summary>Our figures as the API would serve them: the run's cubes read back from PostgreSQL.</summary>
    internal static async Task<DashboardFigures> OurFiguresAsync(EtlRun run)
    {
        await using var dataSource = NpgsqlDataSource.Create(run.ConnectionString);
        return DashboardFigures.FromCubes(await new RunStore(dataSource).ReadCubesAsync(run.RunId));
    }
}
