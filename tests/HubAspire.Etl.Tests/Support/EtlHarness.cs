using HubAspire.Core.Aggregations;
using HubAspire.Etl.Pipeline;
using HubAspire.Generator.Generation;
using HubAspire.Store;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace HubAspire.Etl.Tests.Support;

public static class EtlHarness
{
    /// <summary>Writes a real dataset with the generator.</summary>
    public static Task GenerateAsync(string dataDirectory, double scale, long seed = 42) =>
        new DatasetGenerator(NullLogger<DatasetGenerator>.Instance)
            .GenerateAsync(new GenerationRequest(dataDirectory, scale, seed, Force: true, Workers: 2), TestContext.Current.CancellationToken);

    /// <summary>Runs the real ETL in-process.</summary>
    public static Task<EtlResult> RunAsync(string dataDirectory, string connectionString, int workers = 2, bool force = false) =>
        new EtlRunner(NullLogger<EtlRunner>.Instance)
            .RunAsync(new EtlRequest(dataDirectory, connectionString, workers, Force: force), TestContext.Current.CancellationToken);

    /// <summary>What the store holds for a run, read back through the store library.</summary>
    public static async Task<IReadOnlyList<CubeCells>> CubesAsync(string connectionString, long runId)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await new RunStore(dataSource).ReadCubesAsync(runId, TestContext.Current.CancellationToken);
    }

    /// <summary>Every cell of <paramref name="cubes"/> as one line, sorted, so two runs' cubes compare as lists.</summary>
    public static List<string> CellLines(IReadOnlyList<CubeCells> cubes) =>
        cubes.SelectMany(cube => cube.Cells.Select(cell =>
                $"{cube.Definition.Name}|{cell.Key.Dimension}|{cell.Key.Month}|{cell.Key.Label}|{string.Join(",", cell.Value)}"))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static async Task<RunInfo?> LatestAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return await new RunStore(dataSource).LatestSucceededRunAsync(TestContext.Current.CancellationToken);
    }
}
