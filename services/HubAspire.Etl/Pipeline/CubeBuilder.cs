using System.Collections.Concurrent;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Datasets.Reading;
using HubAspire.Etl.Processing;
using HubAspire.Etl.Telemetry;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// Map → reduce over a dataset: every file is read row group by row group on a worker, each row
/// group becomes a partial cube, and the partials are merged per entity. Integer sums make the
/// result independent of the worker count and of the order in which partials arrive.
/// </summary>
public sealed class CubeBuilder(IReadOnlyList<CubeProcessor> processors)
{
    public static readonly IReadOnlyList<CubeProcessor> AllProcessors =
    [
        new CompaniesProcessor(), new ContactsProcessor(), new DealsProcessor(), new MarketingEventsProcessor(),
        new EmailCampaignsProcessor(), new SupportTicketsProcessor(), new WebAnalyticsProcessor(),
    ];

    public CubeBuilder()
        : this(AllProcessors)
    {
    }

    /// <summary>The merged cube of every entity, in <see cref="Cubes.All"/> order.</summary>
    public async Task<IReadOnlyList<CubeCells>> BuildAsync(
        string datasetDirectory, DatasetManifest manifest, int workers, ReadProgress progress, CancellationToken cancellationToken)
    {
        var files = processors
            .SelectMany(processor => manifest.Entity(processor.Cube.Name).Files.Select(file => (processor, file)))
            .OrderByDescending(item => item.file.Rows) // largest first: the cores finish together
            .ToList();
        var partials = new ConcurrentBag<CubeCells>();
        var buffers = new ConcurrentBag<RowGroupColumns>(); // one per worker, reused row group after row group

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

                source.Validate(item.processor.Columns);
                var columns = buffers.TryTake(out var reused) ? reused : new RowGroupColumns();
                for (var rowGroup = 0; rowGroup < source.RowGroupCount; rowGroup++)
                {
                    await source.ReadRowGroupAsync(rowGroup, item.processor.Columns, columns, token);
                    partials.Add(item.processor.Map(columns));
                    progress.RowsRead(item.processor.Cube.Name, columns.RowCount);
                }

                buffers.Add(columns);
            });

        using var reduce = EtlTelemetry.Source.StartActivity("reduce");
        var merged = Cubes.All.Select(cube => new CubeCells(cube)).ToList();
        foreach (var partial in partials)
        {
            merged[IndexOf(partial.Definition)].Merge(partial);
        }

        reduce?.SetTag("hubaspire.partials", partials.Count);
        reduce?.SetTag("hubaspire.cells", merged.Sum(c => c.Count));
        return merged;
    }

    private static int IndexOf(CubeDefinition cube)
    {
        for (var i = 0; i < Cubes.All.Count; i++)
        {
            if (Cubes.All[i] == cube)
            {
                return i;
            }
        }

        throw new ArgumentException($"Unknown cube {cube.Name}.", nameof(cube));
    }
}
