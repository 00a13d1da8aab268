using HubAspire.Core.Schema;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;
using HubAspire.Mapping;
using HubAspire.Store;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// The raw dataset a run reads, found in the data directory: <c>raw/_manifest.json</c> (our
/// generator's output) first; else the original product's layout, one <c>&lt;entity&gt;.parquet</c>
/// per entity with no manifest, in <c>raw/</c> or else in the data directory itself, described in
/// memory from the files (<see cref="OriginalLayoutManifest"/>).
/// </summary>
/// <param name="Directory">The folder the manifest's file paths are relative to.</param>
/// <param name="ManifestPath">The manifest's full path; for the original layout, which has none, the folder's.</param>
/// <param name="IsOriginalLayout">True when the manifest was described from the original layout's files.</param>
public sealed record DatasetSource(string Directory, string ManifestPath, DatasetManifest Manifest, bool IsOriginalLayout)
{
    private const string GeneratorCommand = "dotnet run --project services/HubAspire.Generator";

    public DatasetIdentity Identity =>
        new(ManifestPath, Manifest.Seed, Manifest.Scale, Manifest.GeneratorVersion, Manifest.CreatedAt, Manifest.TotalRows);

    /// <summary>What the log lines say the dataset is.</summary>
    public string Description => IsOriginalLayout
        ? "the original product's layout: one <entity>.parquet per entity, no manifest"
        : $"seed {Manifest.Seed}, scale {Manifest.Scale}";

    /// <summary>Finds the dataset of <paramref name="layout"/>; none, or an incomplete original layout, is an <see cref="EtlException"/> saying what to do.</summary>
    public static async Task<DatasetSource> OpenAsync(DatasetLayout layout, CancellationToken cancellationToken)
    {
        var raw = layout.RawDirectory;
        if (DatasetManifest.TryRead(raw) is { } manifest)
        {
            return new DatasetSource(raw, DatasetLayout.ManifestPath(raw), manifest, IsOriginalLayout: false);
        }

        // The first folder holding any of the entity files is the dataset: a stray part of one is an error, not a fall-through.
        foreach (var directory in new[] { raw, layout.DataDirectory })
        {
            var missing = OriginalLayout.MissingFiles(directory);
            if (missing.Count == 0)
            {
                return new DatasetSource(directory, directory, await OriginalLayoutManifest.DescribeAsync(directory, cancellationToken), IsOriginalLayout: true);
            }

            if (missing.Count < CrmSchema.Entities.Count)
            {
                throw new EtlException(
                    $"Incomplete dataset in {directory}: no manifest ({DatasetLayout.ManifestFileName}), and of the original product's layout, one <entity>.parquet per entity, " +
                    $"{missing.Count} of {CrmSchema.Entities.Count} files are missing: {string.Join(", ", missing)}. Add the missing files, or run the generator first ({GeneratorCommand}).");
            }
        }

        throw new EtlException(
            $"No dataset in {raw}: its manifest ({DatasetLayout.ManifestFileName}) is missing. Run the generator first ({GeneratorCommand}), " +
            $"or put the original product's files there or in {layout.DataDirectory}: one <entity>.parquet per entity ({string.Join(", ", CrmSchema.Entities.Select(e => e.Name))}).");
    }
}
