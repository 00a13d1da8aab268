using HubAspire.Cluster.Contracts;
using HubAspire.Generation;
using HubAspire.Mapping;
using HubAspire.Mapping.Entities;

namespace HubAspire.Cluster.Grains;

/// <summary>
/// Runs the same per-file functions as the single-process generator and ETL
/// (<see cref="FileWriter"/>, <see cref="FileMapper"/>), so a file's bytes and cube are the same
/// wherever it runs. A failure of the file itself (a corrupt Parquet file, a full disk) comes back
/// as the outcome's error: it would fail again anywhere, so the caller stops instead of retrying.
/// Placed on the silo the caller's placement hint names (<see cref="Client.FileWorkers"/>), which
/// every Orleans placement director honours.
/// </summary>
public sealed class FileWorkerGrain : Grain, IFileWorkerGrain
{
    /// <summary>
    /// Two files per core: while one file's outcome travels back and the caller sends the next, the
    /// core works on the other (scale-out benchmark, scale 10, two silos: the silos were idle 40 %
    /// of the map step with one file per core).
    /// </summary>
    public Task<int> GetSlotsAsync() => Task.FromResult(2 * Environment.ProcessorCount);

    public async Task<GeneratedFileOutcome> GenerateAsync(GenerateFileWork work, CancellationToken cancellationToken)
    {
        var counts = new EntityCounts(work.Scale);
        var file = GenerationPlan.Files(counts).Single(f => f.RelativePath == work.RelativePath);
        try
        {
            var written = await FileWriter.WriteAsync(file, work.Directory, work.Seed, new KeyedRandom(work.Seed, counts), null, cancellationToken);
            return new GeneratedFileOutcome(written, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new GeneratedFileOutcome(null, e.Message);
        }
    }

    public async Task<MappedFileOutcome> MapAsync(MapFileWork work, CancellationToken cancellationToken)
    {
        var entity = EntityMaps.All.Single(e => e.Cube.Name == work.Entity);
        try
        {
            var mapped = await FileMapper.MapAsync(Path.Combine(work.DatasetDirectory, work.File.Path), work.File, entity, work.Processed, null, cancellationToken);
            return new MappedFileOutcome(mapped.Cube, mapped.Processed, null);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new MappedFileOutcome(null, null, e.Message);
        }
    }
}
