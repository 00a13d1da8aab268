using HubAspire.Core.Aggregations;
using HubAspire.Store.Schema;
using Npgsql;

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
        var rows = new BinaryCopyWriter();
        long cells = 0;
        foreach (var cube in cubes)
        {
            var table = CubeTable.For(cube.Definition);
            if (!loaded.Add(table.Name))
            {
                throw new ArgumentException($"The {cube.Definition.Name} cube is given twice.", nameof(cubes));
            }

            Encode(rows, runId, table, cube);
            await CopyAsync(connection, table, rows.Written, cancellationToken);
            cells += cube.Count;
        }

        var missing = CubeTable.All.Where(t => !loaded.Contains(t.Name)).Select(t => t.Cube.Name).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException($"A run needs every cube; missing: {string.Join(", ", missing)}.", nameof(cubes));
        }

        return cells;
    }

    /// <summary>The cube's cells as rows of its table, in <see cref="CubeTable.Columns"/> order; throws before anything is sent for a cell it cannot place.</summary>
    private static void Encode(BinaryCopyWriter rows, long runId, CubeTable table, CubeCells cube)
    {
        var dimensions = cube.Definition.Dimensions;
        var fields = (short)table.Columns.Count;
        rows.Start();
        foreach (var (key, sums) in cube.Cells)
        {
            if ((uint)key.Dimension >= (uint)dimensions.Count)
            {
                throw new ArgumentException(
                    $"A {cube.Definition.Name} cell has dimension index {key.Dimension}; the cube has {dimensions.Count} dimensions.", nameof(cube));
            }

            rows.StartRow(fields);
            rows.Write(runId);
            rows.Write(dimensions[key.Dimension]);
            rows.Write(key.Month);
            rows.Write(key.Label);
            foreach (var sum in sums)
            {
                rows.Write(sum);
            }
        }

        rows.Finish();
    }

    private static async Task CopyAsync(NpgsqlConnection connection, CubeTable table, ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
    {
        var copy = $"COPY {table.Name} ({string.Join(", ", table.Columns)}) FROM STDIN (FORMAT BINARY)";
        await using var stream = await connection.BeginRawBinaryCopyAsync(copy, cancellationToken);
        try
        {
            await stream.WriteAsync(data, cancellationToken);
        }
        catch
        {
            // Ending the stream would send what was written as complete; abort the COPY instead.
            try
            {
                await stream.CancelAsync();
            }
            catch (Exception e) when (e is NpgsqlException or ObjectDisposedException or InvalidOperationException)
            {
                // The connection broke with the write; the write's error is the one to report.
            }

            throw;
        }
    }
}
