using HubAspire.Core.Aggregations;
using HubAspire.Store.Schema;
using Npgsql;

namespace HubAspire.Store.Reading;

/// <summary>Reads all cells of a run, every cube table in one round trip.</summary>
internal static class CubeCellReader
{
    /// <summary>One <see cref="CubeCells"/> per <see cref="Cubes.All"/> entry, in that order.</summary>
    public static async Task<IReadOnlyList<CubeCells>> ReadAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection);
        foreach (var table in CubeTable.All)
        {
            var columns = string.Join(", ", table.Columns.Skip(1)); // all but run_id
            var command = new NpgsqlBatchCommand($"SELECT {columns} FROM {table.Name} WHERE {CubeTable.RunId} = $1");
            command.Parameters.Add(new() { Value = runId });
            batch.BatchCommands.Add(command);
        }

        var cubes = new List<CubeCells>(CubeTable.All.Count);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        foreach (var table in CubeTable.All)
        {
            var cube = table.Cube;
            var cells = new CubeCells(cube);
            var sums = new long[cube.Measures.Count];
            while (await reader.ReadAsync(cancellationToken))
            {
                var dimension = cube.DimensionIndex(reader.GetString(0));
                for (var i = 0; i < sums.Length; i++)
                {
                    sums[i] = reader.GetInt64(3 + i);
                }

                cells.Add(new CellKey(dimension, reader.GetInt32(1), reader.GetString(2)), sums);
            }

            cubes.Add(cells);
            await reader.NextResultAsync(cancellationToken);
        }

        return cubes;
    }
}
