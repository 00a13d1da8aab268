using System.Text.Json;
using System.Text.Json.Serialization;

namespace HubAspire.Datasets.Manifest;

/// <summary>
/// The table of contents of a dataset, written last: a consumer reads a dataset only through
/// its manifest, so a dataset without one does not exist.
/// </summary>
public sealed record DatasetManifest(
    int SchemaVersion,
    string GeneratorVersion,
    long Seed,
    double Scale,
    DateTimeOffset CreatedAt,
    string? TraceParent,
    IReadOnlyList<ManifestEntity> Entities)
{
    public long TotalRows => Entities.Sum(e => e.Rows);

    public ManifestEntity Entity(string name) => Entities.FirstOrDefault(e => e.Name == name)
        ?? throw new KeyNotFoundException($"The manifest lists no entity '{name}'.");

    /// <summary>Reads <c>_manifest.json</c> of <paramref name="datasetDirectory"/>; null when there is none.</summary>
    public static DatasetManifest? TryRead(string datasetDirectory)
    {
        var path = DatasetLayout.ManifestPath(datasetDirectory);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(File.ReadAllText(path), ManifestJsonContext.Default.DatasetManifest)
                ?? throw new InvalidDataException($"{path} is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a valid dataset manifest: {e.Message}", e);
        }
    }

    /// <summary>Writes the manifest under a temporary name, flushes it to disk, then renames it into place.</summary>
    public void WriteAtomically(string datasetDirectory) =>
        ManifestFiles.WriteAtomically(datasetDirectory, this, ManifestJsonContext.Default.DatasetManifest);
}

/// <param name="Name">Entity name (folder under the dataset directory).</param>
/// <param name="Rows">Rows over all files.</param>
/// <param name="Files">Files in order.</param>
public sealed record ManifestEntity(string Name, long Rows, IReadOnlyList<ManifestFile> Files);

/// <param name="Path">Relative to the dataset directory, '/'-separated.</param>
/// <param name="Rows">Rows in the file.</param>
/// <param name="Bytes">File size.</param>
public sealed record ManifestFile(string Path, long Rows, long Bytes);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(DatasetManifest))]
internal sealed partial class ManifestJsonContext : JsonSerializerContext;
