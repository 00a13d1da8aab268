using System.Collections.Concurrent;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Reading;
using HubAspire.Etl.Processed;
using HubAspire.Etl.Processing;
using HubAspire.Etl.Telemetry;
using HubAspire.Jobs;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// Map → reduce over a dataset: every file is read row group by row group on a worker, each row
/// group becomes a partial cube, merged into its file's cube, and the files' cubes are merged per
/// entity. Integer sums make the result independent of the worker count and of the merge order.
/// With a <see cref="ProcessedOutput"/>, each row group is read once with every raw column and
/// also written to its processed file, so the raw files are read once; memory stays at one row
/// group per worker either way.
/// </summary>
public sealed class CubeBuilder(ProcessedOutput? processed = null)
{
    private static readonly IReadOnlyList<CubeProcessor> AllProcessors =
    [
        new CompaniesProcessor(), new ContactsProcessor(), new DealsProcessor(), new MarketingEventsProcessor(),
        new EmailCampaignsProcessor(), new SupportTicketsProcessor(), new WebAnalyticsProcessor(),
    ];

    /// <summary>The merged cube of every entity, in <see cref="Cubes.All"/> order.</summary>
    public async Task<IReadOnlyList<CubeCells>> BuildAsync(
        string datasetDirectory, DatasetManifest manifest, int workers, RowProgress progress, CancellationToken cancellationToken)
    {
        var files = AllProcessors
            .SelectMany(processor => manifest.Entity(processor.Cube.Name).Files.Select((file, index) => (processor, file, index)))
            // Largest first, so the cores finish together; among files of one size the entities take
            // turns, so two workers seldom write the widest processed table (deals) at the same time.
            .OrderByDescending(item => item.file.Rows).ThenBy(item => item.index)
            .ToList();
        var fileCubes = new ConcurrentBag<CubeCells>();

        await Parallel.ForEachAsync(files,
            new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
            async (item, token) => fileCubes.Add(await MapFileAsync(Path.Combine(datasetDirectory, item.file.Path), item.file, item.processor, progress, token)));

        using var reduce = EtlTelemetry.Source.StartActivity("reduce");
        var merged = Cubes.All.ToDictionary(cube => cube, cube => new CubeCells(cube));
        foreach (var fileCube in fileCubes)
        {
            merged[fileCube.Definition].Merge(fileCube);
        }

        reduce?.SetTag("hubaspire.partials", fileCubes.Count);
        reduce?.SetTag("hubaspire.cells", merged.Values.Sum(c => c.Count));
        return Cubes.All.Select(cube => merged[cube]).ToList();
    }

    /// <summary>One file's cube (and its processed copy, if any).</summary>
    private async Task<CubeCells> MapFileAsync(string path, ManifestFile file, CubeProcessor processor, RowProgress progress, CancellationToken token)
    {
        progress.Start(processor.Cube.Name);
        using var span = EtlTelemetry.Source.StartActivity("read " + file.Path);
        span?.SetTag("hubaspire.rows", file.Rows);
        await using var source = await ParquetFileSource.OpenAsync(path, token);
        if (source.RowCount != file.Rows)
        {
            throw new ParquetDataException(path, $"Parquet file '{path}' holds {source.RowCount:N0} rows but the dataset manifest says {file.Rows:N0}; regenerate the dataset.");
        }

        var table = processed is null ? null : ProcessedSchema.Get(processor.Cube.Name);
        var requests = table is null ? processor.Columns : processor.Columns.Union(table.RawColumns).ToList();
        source.Validate(requests);
        var largestRowGroup = Enumerable.Range(0, source.RowGroupCount).Select(source.RowGroupRowCount).DefaultIfEmpty(0).Max();
        await using var copy = table is null ? null : await processed!.CreateFileAsync(table, file.Path, path, largestRowGroup, token);

        var cube = new CubeCells(processor.Cube);
        var columns = new RowGroupColumns();
        for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
        {
            await source.ReadRowGroupAsync(rowGroup, requests, columns, token);
            cube.Merge(processor.Map(columns));
            if (copy is not null)
            {
                await copy.WriteRowGroupAsync(columns, token);
            }

            progress.Add(processor.Cube.Name, columns.RowCount);
        }

        if (copy is not null)
        {
            await copy.CompleteAsync(token);
        }

        return cube;
    }
}
