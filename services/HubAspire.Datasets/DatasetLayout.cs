namespace HubAspire.Datasets;

/// <summary>
/// Where a dataset lives under the data directory: <c>raw/&lt;entity&gt;/part-NNNNN.parquet</c>
/// plus <c>raw/_manifest.json</c> (and later <c>processed/</c> in the same shape).
/// </summary>
public sealed record DatasetLayout(string DataDirectory)
{
    public const string ManifestFileName = "_manifest.json";

    /// <summary>At most this many rows per file, so readers can split work by file.</summary>
    public const int MaxRowsPerFile = 1_000_000;

    public string RawDirectory => Path.Combine(DataDirectory, "raw");

    public string ProcessedDirectory => Path.Combine(DataDirectory, "processed");

    public static string ManifestPath(string datasetDirectory) => Path.Combine(datasetDirectory, ManifestFileName);

    /// <summary>A file's path relative to its dataset directory, with '/' as the manifest records it.</summary>
    public static string PartPath(string entity, int fileIndex) => $"{entity}/part-{fileIndex:D5}.parquet";
}
