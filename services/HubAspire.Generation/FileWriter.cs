using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Parquet;

namespace HubAspire.Generation;

/// <summary>
/// Writes one file of the plan into a folder, row group by row group. Each row group draws from
/// its own random stream, keyed by seed, entity and row-group index, so a file's bytes depend
/// only on the seed and the plan, never on which process or thread writes it.
/// </summary>
public static class FileWriter
{
    /// <param name="directory">The dataset's folder (the generator's stage); the file goes to its <see cref="FilePlan.RelativePath"/>.</param>
    /// <param name="rowsWritten">Told the rows of each row group once it is written (progress).</param>
    public static async Task<ManifestFile> WriteAsync(
        FilePlan file, string directory, long seed, KeyedRandom keyed, Action<int>? rowsWritten, CancellationToken cancellationToken)
    {
        var schema = file.Generator.Schema;
        var path = Path.Combine(directory, file.RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // Create, not CreateNew: on a cluster, a file whose silo died half-way is written again from the start.
        await using var stream = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1 << 20);
        await using (var writer = await ParquetTableWriter.CreateAsync(schema, stream, cancellationToken))
        {
            var batch = new ColumnBatch(schema, (int)Math.Min(GenerationPlan.RowsPerRowGroup, file.Rows));
            for (long offset = 0; offset < file.Rows; offset += GenerationPlan.RowsPerRowGroup)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var count = (int)Math.Min(GenerationPlan.RowsPerRowGroup, file.Rows - offset);
                var firstRow = file.FirstRow + offset;
                var random = new RandomStream(seed, file.EntityIndex, firstRow / GenerationPlan.RowsPerRowGroup);
                file.Generator.Fill(batch, firstRow + 1, count, ref random, keyed);
                await writer.WriteRowGroupAsync(batch, cancellationToken);
                rowsWritten?.Invoke(count);
            }
        }

        // On disk before the manifest names it.
        stream.Flush(flushToDisk: true);
        return new ManifestFile(file.RelativePath, file.Rows, stream.Length);
    }
}
