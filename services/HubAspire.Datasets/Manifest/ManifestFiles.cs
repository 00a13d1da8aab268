using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace HubAspire.Datasets.Manifest;

/// <summary>What every manifest kind shares: atomic writing, and checking that the files it lists are on disk.</summary>
public static class ManifestFiles
{
    /// <summary>Writes <paramref name="manifest"/> as <c>_manifest.json</c> under a temporary name, flushes it to disk, then renames it into place.</summary>
    public static void WriteAtomically<T>(string datasetDirectory, T manifest, JsonTypeInfo<T> json)
    {
        var path = DatasetLayout.ManifestPath(datasetDirectory);
        var temporary = path + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, manifest, json);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>True when every listed file exists with its recorded size.</summary>
    public static bool AreIntact(string datasetDirectory, IEnumerable<ManifestEntity> entities) =>
        entities.SelectMany(e => e.Files).All(file =>
        {
            var info = new FileInfo(Path.Combine(datasetDirectory, file.Path));
            return info.Exists && info.Length == file.Bytes;
        });
}
