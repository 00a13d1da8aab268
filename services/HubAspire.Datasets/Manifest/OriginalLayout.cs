using HubAspire.Core.Schema;

namespace HubAspire.Datasets.Manifest;

/// <summary>
/// The original Python product's layout: one <c>&lt;entity&gt;.parquet</c> per entity in one
/// folder, written by pandas/pyarrow, with no manifest. It is read as a dataset through the
/// in-memory manifest <see cref="OriginalLayoutManifest"/> describes; nothing is written there.
/// </summary>
public static class OriginalLayout
{
    /// <summary>
    /// Starts the <see cref="DatasetManifest.GeneratorVersion"/> of such a dataset: it was not made
    /// by our generator. The rest is the files' fingerprint, so a changed file is a new dataset.
    /// </summary>
    public const string GeneratorVersionPrefix = "original-layout/";

    /// <summary>
    /// The seed of such a dataset, which has none: the generator's seeds are non-negative, so this
    /// one cannot be taken for a real seed.
    /// </summary>
    public const long UnknownSeed = -1;

    /// <summary>The file of <paramref name="entity"/>, relative to the folder, e.g. <c>web_analytics.parquet</c>.</summary>
    public static string FileName(string entity) => $"{entity}.parquet";

    /// <summary>
    /// The entity files absent from <paramref name="directory"/>, in schema order: none when the
    /// folder is complete, all seven when it holds none of them (or does not exist).
    /// </summary>
    public static IReadOnlyList<string> MissingFiles(string directory) =>
        CrmSchema.Entities.Select(e => FileName(e.Name)).Where(name => !File.Exists(Path.Combine(directory, name))).ToList();
}
