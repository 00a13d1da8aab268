using System.Collections.Concurrent;
using HubAspire.Cluster.Client;
using HubAspire.Cluster.Contracts;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Telemetry;
using HubAspire.Jobs;
using HubAspire.Mapping;
using HubAspire.Mapping.Entities;
using HubAspire.Mapping.Processed;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// Map → reduce over a dataset: every file is mapped (<see cref="FileMapper"/>: row group by row
/// group into its file's cube, and its processed copy when asked) — on this process's workers, or
/// on the silos of a cluster when one is given — and the files' cubes are merged per entity.
/// Integer sums make the result independent of the worker count, of where each file was mapped
/// and of the merge order.
/// </summary>
public sealed class CubeBuilder(ProcessedOutput? processed = null, FileWorkers? cluster = null)
{
    /// <summary>The merged cube of every entity, in <see cref="Cubes.All"/> order.</summary>
    public async Task<IReadOnlyList<CubeCells>> BuildAsync(
        string datasetDirectory, DatasetManifest manifest, int workers, RowProgress progress, CancellationToken cancellationToken)
    {
        var files = EntityMaps.All
            .SelectMany(entity => manifest.Entity(entity.Cube.Name).Files.Select((file, index) => (entity, file, index)))
            // Largest first, so the cores finish together; among files of one size the entities take
            // turns, so two workers seldom write the widest processed table (deals) at the same time.
            .OrderByDescending(item => item.file.Rows).ThenBy(item => item.index)
            .ToList();
        var fileCubes = new ConcurrentBag<CubeCells>();

        void Mapped(CubeCells cube, ProcessedFile? written)
        {
            fileCubes.Add(cube);
            if (written is not null)
            {
                processed!.Add(written);
            }
        }

        if (cluster is null)
        {
            await Parallel.ForEachAsync(files,
                new ParallelOptions { MaxDegreeOfParallelism = workers, CancellationToken = cancellationToken },
                async (item, token) =>
                {
                    var entity = item.entity.Cube.Name;
                    progress.Start(entity);
                    var mapped = await FileMapper.MapAsync(Path.Combine(datasetDirectory, item.file.Path), item.file, item.entity,
                        processed?.Stage, rows => progress.Add(entity, rows), token);
                    Mapped(mapped.Cube, mapped.Processed);
                });
        }
        else
        {
            var work = files.Select(item => new MapFileWork(datasetDirectory, item.file, item.entity.Cube.Name, processed?.Stage)).ToList();
            await cluster.MapAsync(work, (file, outcome) =>
            {
                progress.Start(file.Entity);
                progress.Add(file.Entity, checked((int)file.File.Rows));
                Mapped(outcome.Cube!, outcome.Processed);
            }, cancellationToken);
        }

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
}
