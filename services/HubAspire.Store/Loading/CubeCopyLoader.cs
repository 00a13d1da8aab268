using HubAspire.Core.Aggregations;
using HubAspire.Store.Schema;
using Npgsql;
using NpgsqlTypes;

namespace HubAspire.Store.Loading;

/// <summary>
/// Writes a run's cells with binary COPY, one COPY per cube table, on the caller's connection
/// and inside its transaction: nothing is visible until the caller commits.
/// </summary>
internal static class CubeCopyLoader
{
    /// <summary>Loads exactly one <see cref="CubeCells"/> per <see cref="Cubes.All"/> entry, in any order; returns the cells written.</summary>
    public static async Task<long> LoadAsync(NpgsqlConnection connection, long runId, IReadOnlyList<CubeCells> cubes, CancellationToken cancellationToken)
    {
        var loaded = new HashSet<string>();
        long cells = 0;
        foreach (var cube in cubes)
        {
            var table = CubeTable.For(cube.Definition);
            if (!loaded.Add(table.Name))
            {
                throw new ArgumentException($"The {cube.Definition.Name} cube is given twice.", nameof(cubes));
            }

            cells += await CopyAsync(connection, runId, table, cube, cancellationToken);
        }

        var missing = CubeTable.All.Where(t => !loaded.Contains(t.Name)).Select(t => t.Cube.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"A run needs every cube; missing: {string.Join(", ", missing)}.", nameof(cubes));
        }

        return cells;
    }

    private static async Task<long> CopyAsync(NpgsqlConnection connection, long runId, CubeTable table, CubeCells cube, CancellationToken cancellationToken)
    {
        var dimensions = cube.Definition.Dimensions;
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)";
        await using var importer = await connection.BeginBinaryImportAsync(copy, cancellationToken);
        foreach (var (key, sums) in cube.Cells)
        {
            if ((uint)key.Dimension >= (uint)dimensions.Count)
            {
                throw new ArgumentException(
                    $"A {cube.Definition.Name} cell has dimension index {key.Dimension}; the cube has {dimensions.Count} dimensions.", nameof(cube));
            }

            await importer.StartRowAsync(cancellationToken);
            await importer.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await importer.WriteAsync(dimensions[key.Dimension], NpgsqlDbType.Text, cancellationToken);
            await importer.WriteAsync(key.Month, NpgsqlDbType.Integer, cancellationToken);
            await importer.WriteAsync(key.Label, NpgsqlDbType.Text, cancellationToken);
            foreach (var sum in sums)
            {
                await importer.WriteAsync(sum, NpgsqlDbType.Bigint, cancellationToken);
            }
        }

        return (long)await importer.CompleteAsync(cancellationToken);
    }
}
