using System.Text.Json;
using System.Text.Json.Serialization;
using HubAspire.Core.Schema;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;

namespace HubAspire.Mapping.Processed;

/// <summary>
/// <c>processed/_manifest.json</c>: the table of contents of the processed dataset and where it
/// came from. Its first fields are those of the raw <see cref="DatasetManifest"/> (so
/// <see cref="DatasetManifest.TryRead"/> reads it too); <see cref="SchemaVersion"/> is
/// <see cref="ProcessedSchema.Version"/> and <see cref="TraceParent"/> the ETL run's trace.
/// </summary>
public sealed record ProcessedManifest(
    int SchemaVersion,
    string GeneratorVersion,
    long Seed,
    double Scale,
    DateTimeOffset CreatedAt,
    string? TraceParent,
    IReadOnlyList<ManifestEntity> Entities,
    long EtlRunId,
    ProcessedSource Source)
{
    public long TotalRows => Entities.Sum(e => e.Rows);

    /// <summary>Reads <c>_manifest.json</c> of <paramref name="processedDirectory"/>; null when there is none or it is unreadable.</summary>
    public static ProcessedManifest? TryRead(string processedDirectory)
    {
        var path = DatasetLayout.ManifestPath(processedDirectory);
        try
        {
            return File.Exists(path) ? JsonSerializer.Deserialize(File.ReadAllText(path), ProcessedManifestJsonContext.Default.ProcessedManifest) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>True when this dataset was derived from <paramref name="raw"/> by this schema version and its files are all there.</summary>
    public bool IsCurrentFor(DatasetManifest raw, string processedDirectory) =>
        SchemaVersion == ProcessedSchema.Version
        && Source.Matches(raw)
        && ManifestFiles.AreIntact(processedDirectory, Entities);

    /// <summary>Writes the manifest under a temporary name, flushes it to disk, then renames it into place.</summary>
    public void WriteAtomically(string processedDirectory) =>
        ManifestFiles.WriteAtomically(processedDirectory, this, ProcessedManifestJsonContext.Default.ProcessedManifest);
}

/// <summary>The raw dataset a processed dataset was derived from: its manifest's identity.</summary>
/// <param name="ManifestPath">The raw manifest's full path, as the ETL read it.</param>
public sealed record ProcessedSource(
    string ManifestPath, int SchemaVersion, string GeneratorVersion, long Seed, double Scale, DateTimeOffset CreatedAt, long TotalRows, string? TraceParent)
{
    public static ProcessedSource Of(DatasetManifest raw, string manifestPath) =>
        new(manifestPath, raw.SchemaVersion, raw.GeneratorVersion, raw.Seed, raw.Scale, raw.CreatedAt, raw.TotalRows, raw.TraceParent);

    public bool Matches(DatasetManifest raw) =>
        SchemaVersion == raw.SchemaVersion && SchemaVersion == CrmSchema.Version && GeneratorVersion == raw.GeneratorVersion
        && Seed == raw.Seed && Scale.Equals(raw.Scale) && CreatedAt == raw.CreatedAt && TotalRows == raw.TotalRows;
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProcessedManifest))]
internal sealed partial class ProcessedManifestJsonContext : JsonSerializerContext;
