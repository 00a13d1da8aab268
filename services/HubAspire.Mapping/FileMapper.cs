using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Reading;
using HubAspire.Mapping.Entities;
using HubAspire.Mapping.Processed;

namespace HubAspire.Mapping;

/// <summary>What mapping one file gives: its partial cube, and its processed copy when one was asked for.</summary>
public sealed record MappedFile(CubeCells Cube, ProcessedFile? Processed);

/// <summary>
/// The map step for one file: one Parquet file of one entity → its partial cube (and, given a
/// <see cref="ProcessedStage"/>, its processed copy). Each row group is read once, with every raw
/// column when the processed copy is written, so memory stays at one row group; the file's cube is
/// independent of where and in which order files are mapped, which is what lets the reduce merge
/// them in any order — in the ETL's process or from the silos of a cluster.
/// </summary>
public static class FileMapper
{
    /// <param name="path">The file on this machine.</param>
    /// <param name="file">The file as the dataset's manifest lists it.</param>
    /// <param name="rowsMapped">Told the rows of each row group once it is mapped (progress).</param>
    public static async Task<MappedFile> MapAsync(
        string path, ManifestFile file, EntityMap entity, ProcessedStage? processed, Action<int>? rowsMapped, CancellationToken token)
    {
        using var span = MappingTelemetry.Source.StartActivity("read " + file.Path);
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
        await using var copy = table is null ? null : await ProcessedFileWriter.CreateAsync(processed!, table, file.Path, path, largestRowGroup, token);

        var cube = new CubeCells(entity.Cube);
        var columns = new RowGroupColumns();
        for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
        {
            await source.ReadRowGroupAsync(rowGroup, requests, columns, token);
            // The processed batch is derived first, so the cube reads the features the two share from it.
            var derived = copy?.Derive(columns);
            cube.Merge(entity.Map(columns, derived));
            if (copy is not null)
            {
                await copy.WriteRowGroupAsync(token);
            }

            rowsMapped?.Invoke(columns.RowCount);
        }

        return new MappedFile(cube, copy is null ? null : await copy.CompleteAsync(token));
    }
}
