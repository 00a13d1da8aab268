using HubAspire.Core.Aggregations;
using HubAspire.Store;
using Npgsql;

namespace HubAspire.Etl.Tests.Support;

/// <summary>Reading a run back from the store, for the ETL tests (running the generator and the ETL: <c>Pipeline</c>).</summary>
public static class EtlHarness
{
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
