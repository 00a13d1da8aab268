using System.Collections.Concurrent;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;

namespace HubAspire.Mapping.Processed;

/// <summary>
/// The processed dataset while it is written: files go into a hidden stage next to
/// <c>processed/</c>; <see cref="Publish"/> writes the manifest last and swaps the stage in, so
/// readers see the previous processed dataset, whole, until the new one is complete. Disposing an
/// unpublished output deletes the stage. Every write failure (no space, no permission, a
/// read-only disk) becomes one <see cref="EtlException"/> naming the directory.
/// </summary>
public sealed class ProcessedOutput : IDisposable
{
    private readonly StagedDirectory _stage;
    private readonly ConcurrentDictionary<string, ManifestFile> _files = new(StringComparer.Ordinal);
    private long _writingTicks;

    private ProcessedOutput(StagedDirectory stage) => _stage = stage;

    /// <summary>Where the dataset is published (<c>&lt;data-dir&gt;/processed</c>).</summary>
    public string Directory => _stage.Target;

    /// <summary>Time spent deriving, encoding and writing processed rows, summed over the workers.</summary>
    public TimeSpan WritingTime => TimeSpan.FromTicks(Interlocked.Read(ref _writingTicks));

    public long BytesWritten => _files.Values.Sum(f => f.Bytes);

    public static ProcessedOutput Create(string processedDirectory)
    {
        try
        {
            return new ProcessedOutput(StagedDirectory.Create(processedDirectory));
        }
        catch (Exception e) when (ProcessedStage.IsWriteFailure(e))
        {
            throw ProcessedStage.Failed(processedDirectory, e);
        }
    }

    /// <summary>Counts a file the map step wrote into <see cref="Stage"/>, for the manifest.</summary>
    public void Add(ProcessedFile written)
    {
        _files[written.File.Path] = written.File;
        Interlocked.Add(ref _writingTicks, written.WritingTime.Ticks);
    }

    /// <summary>Where the map step writes the processed files before <see cref="Publish"/>.</summary>
    public ProcessedStage Stage => new(_stage.Path, Directory);

    /// <summary>
    /// Writes the manifest (every file of <paramref name="source"/>'s seven entities, in its order)
    /// into the stage, then publishes the stage as <see cref="Directory"/>.
    /// </summary>
    public ProcessedManifest Publish(DatasetManifest source, string sourceManifestPath, long runId, string? traceParent)
    {
        var entities = ProcessedSchema.Tables.Select(table =>
        {
            var files = source.Entity(table.Name).Files.Select(raw => _files.TryGetValue(raw.Path, out var written)
                ? written
                : throw new InvalidOperationException($"The processed copy of {raw.Path} was not written.")).ToList();
            return new ManifestEntity(table.Name, files.Sum(f => f.Rows), files);
        }).ToList();
        var manifest = new ProcessedManifest(ProcessedSchema.Version, source.GeneratorVersion, source.Seed, source.Scale,
            DateTimeOffset.UtcNow, traceParent, entities, runId, ProcessedSource.Of(source, sourceManifestPath));

        try
        {
            manifest.WriteAtomically(_stage.Path);
            _stage.Publish();
        }
        catch (Exception e) when (ProcessedStage.IsWriteFailure(e))
        {
            throw Stage.Failed(e);
        }

        return manifest;
    }

    public void Dispose() => _stage.Dispose();
}
