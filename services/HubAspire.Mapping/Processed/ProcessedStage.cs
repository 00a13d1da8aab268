namespace HubAspire.Mapping.Processed;

/// <summary>
/// Where processed files are written: the hidden stage of a processed dataset (see
/// <see cref="ProcessedOutput"/>), named by path so that a silo sharing the data directory can
/// write into it too.
/// </summary>
/// <param name="Path">The stage folder.</param>
/// <param name="Directory">Where the stage is published (<c>&lt;data-dir&gt;/processed</c>), named in errors.</param>
public sealed record ProcessedStage(string Path, string Directory)
{
    internal static bool IsWriteFailure(Exception e) => e is IOException or UnauthorizedAccessException;

    /// <summary>Every write failure (no space, no permission, a read-only disk) as one message naming the directory and what to do.</summary>
    internal static EtlException Failed(string directory, Exception e) =>
        new($"Cannot write the processed dataset to {directory}: {e.Message.TrimEnd('.', ' ')}. Nothing new was published there and the " +
            "previous processed dataset, if any, is unchanged. Free some space or make the directory writable, or run with --no-processed.");

    internal EtlException Failed(Exception e) => Failed(Directory, e);
}

/// <summary>One processed file written into a stage, and the time spent deriving, encoding and writing it.</summary>
public sealed record ProcessedFile(Datasets.Manifest.ManifestFile File, TimeSpan WritingTime);
