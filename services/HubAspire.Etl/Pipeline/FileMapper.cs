using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Reading;
using HubAspire.Etl.Entities;
using HubAspire.Etl.Processed;
using HubAspire.Etl.Telemetry;
using HubAspire.Jobs;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// The map step for one file: one Parquet file of one entity → its partial cube (and, with a
/// <see cref="ProcessedOutput"/>, its processed copy). Each row group is read once, with every raw
/// column when the processed copy is written, so memory stays at one row group; the file's cube is
/// independent of where and in which order files are mapped, which is what lets the reduce merge
/// them in any order.
/// </summary>
public static class FileMapper
{
    public static async Task<CubeCells> MapAsync(
        string path, ManifestFile file, EntityMap entity, ProcessedOutput? processed, RowProgress progress, CancellationToken token)
    {
        progress.Start(entity.Cube.Name);
        using var span = EtlTelemetry.Source.StartActivity("read " + file.Path);
        span?.SetTag("hubaspire.rows", file.Rows);
        await using var source = await ParquetFileSource.OpenAsync(path, token);
        if (source.RowCount != file.Rows)
        {
            throw new ParquetDataException(path, $"Parquet file '{path}' holds {source.RowCount:N0} rows but the dataset manifest says {file.Rows:N0}; regenerate the dataset.");
        }

        var table = processed is null ? null : ProcessedSchema.Get(entity.Cube.Name);
        var requests = table is null ? entity.Columns : entity.Columns.Union(table.RawColumns).ToList();
        source.Validate(requests);
        var largestRowGroup = Enumerable.Range(0, source.RowGroupCount).Select(source.RowGroupRowCount).DefaultIfEmpty(0).Max();
        await using var copy = table is null ? null : await processed!.CreateFileAsync(table, file.Path, path, largestRowGroup, token);

        var cube = new CubeCells(entity.Cube);
        var columns = new RowGroupColumns();
        for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
        {
            await source.ReadRowGroupAsync(rowGroup, requests, columns, token);
            cube.Merge(entity.Map(columns));
            if (copy is not null)
            {
                await copy.WriteRowGroupAsync(columns, token);
            }

            progress.Add(entity.Cube.Name, columns.RowCount);
        }

        if (copy is not null)
        {
            await copy.CompleteAsync(token);
        }

        return cube;
    }
}
