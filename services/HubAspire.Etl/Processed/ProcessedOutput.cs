using System.Collections.Concurrent;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Pipeline;

namespace HubAspire.Etl.Processed;

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
        catch (Exception e) when (IsWriteFailure(e))
        {
            throw Failed(processedDirectory, e);
        }
    }

    /// <summary>Starts the processed copy of one raw file, at the same relative path.</summary>
    /// <param name="rawFilePath">The raw file, named in data errors.</param>
    /// <param name="rowGroupCapacity">Rows of the raw file's largest row group.</param>
    public Task<ProcessedFileWriter> CreateFileAsync(
        ProcessedTable table, string relativePath, string rawFilePath, int rowGroupCapacity, CancellationToken cancellationToken) =>
        ProcessedFileWriter.CreateAsync(this, table, relativePath, Path.Combine(_stage.Path, relativePath), rawFilePath, rowGroupCapacity, cancellationToken);

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
        catch (Exception e) when (IsWriteFailure(e))
        {
            throw Failed(e);
        }

        return manifest;
    }

    public void Dispose() => _stage.Dispose();

    internal void FileWritten(ManifestFile file, TimeSpan writing)
    {
        _files[file.Path] = file;
        Interlocked.Add(ref _writingTicks, writing.Ticks);
    }

    internal static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    internal EtlException Failed(Exception e) => Failed(Directory, e);

    private static EtlException Failed(string directory, Exception e) =>
        new($"Cannot write the processed dataset to {directory}: {e.Message.TrimEnd('.', ' ')}. Nothing new was published there and the " +
            "previous processed dataset, if any, is unchanged. Free some space or make the directory writable, or run with --no-processed.");
}
