using System.Collections.Concurrent;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Reading;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Processing;
using HubAspire.Etl.Telemetry;

namespace HubAspire.Etl.Processed;

/// <summary>
/// The map → reduce of <see cref="CubeBuilder"/> with the processed dataset written in the same
/// pass: each raw row group is read once, with every raw column, and feeds both the entity's cube
/// processor and its processed file. So the raw files are read once, and memory stays at one row
/// group (raw columns, processed batch) per worker.
/// </summary>
public sealed class ProcessedCubeBuilder(ProcessedOutput output)
{
    /// <summary>The merged cube of every entity, in <see cref="Cubes.All"/> order; every raw file's processed copy is in <paramref name="output"/>.</summary>
    public async Task<IReadOnlyList<CubeCells>> BuildAsync(
        string datasetDirectory, DatasetManifest manifest, int workers, ReadProgress progress, CancellationToken cancellationToken)
    {
        var files = CubeBuilder.AllProcessors
            .SelectMany(processor => manifest.Entity(processor.Cube.Name).Files
                .Select(file => (processor, table: ProcessedSchema.Get(processor.Cube.Name), file)))
            .OrderByDescending(item => item.file.Rows) // largest first: the cores finish together
            .ToList();
        var partials = new ConcurrentBag<CubeCells>();

        await Parallel.ForEachAsync(files,
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            async (item, token) =>
            {
                var path = Path.Combine(datasetDirectory, item.file.Path);
                using var span = EtlTelemetry.Source.StartActivity("read " + item.file.Path);
                span?.SetTag("hubaspire.rows", item.file.Rows);
                await using var source = await ParquetFileSource.OpenAsync(path, token);
                if (source.RowCount != item.file.Rows)
                {
                    throw new ParquetDataException(path, $"Parquet file '{path}' holds {source.RowCount:N0} rows but the dataset manifest says {item.file.Rows:N0}; regenerate the dataset.");
                }

                var requests = item.processor.Columns.Union(item.table.RawColumns).ToList();
                source.Validate(requests);
                var largestRowGroup = Enumerable.Range(0, source.RowGroupCount).Select(source.RowGroupRowCount).DefaultIfEmpty(0).Max();
                await using var processed = await output.CreateFileAsync(item.table, item.file.Path, path, largestRowGroup, token);

                // Per file, not per worker: a worker's next file is usually another entity with other columns.
                var columns = new RowGroupColumns();
                for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
                {
                    await source.ReadRowGroupAsync(rowGroup, requests, columns, token);
                    partials.Add(item.processor.Map(columns));
                    await processed.WriteRowGroupAsync(columns, token);
                    progress.RowsRead(item.processor.Cube.Name, columns.RowCount);
                }

                await processed.CompleteAsync(token);
            });

        using var reduce = EtlTelemetry.Source.StartActivity("reduce");
        var merged = Cubes.All.ToDictionary(cube => cube, cube => new CubeCells(cube));
        foreach (var partial in partials)
        {
            merged[partial.Definition].Merge(partial);
        }

        reduce?.SetTag("hubaspire.partials", partials.Count);
        reduce?.SetTag("hubaspire.cells", merged.Values.Sum(c => c.Count));
        return Cubes.All.Select(cube => merged[cube]).ToList();
    }
}
