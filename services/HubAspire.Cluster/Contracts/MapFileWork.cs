using HubAspire.Core.Aggregations;
using HubAspire.Datasets.Manifest;
using HubAspire.Mapping.Processed;

namespace HubAspire.Cluster.Contracts;

/// <summary>Map one raw file (<see cref="Mapping.FileMapper"/>), writing its processed copy into <see cref="Processed"/> when given.</summary>
/// <param name="DatasetDirectory">The folder the manifest's paths are relative to, shared by path with the silos.</param>
/// <param name="Entity">The entity's name (<see cref="Core.Schema.EntitySchema.Name"/>).</param>
[GenerateSerializer, Immutable, Alias("hubaspire.map-file-work")]
public sealed record MapFileWork(
    [property: Id(0)] string DatasetDirectory,
    [property: Id(1)] ManifestFile File,
    [property: Id(2)] string Entity,
    [property: Id(3)] ProcessedStage? Processed);

/// <summary>The file's partial cube and processed copy, or the deterministic error that stopped it (which no retry would cure).</summary>
[GenerateSerializer, Immutable, Alias("hubaspire.mapped-file-outcome")]
public sealed record MappedFileOutcome(
    [property: Id(0)] CubeCells? Cube,
    [property: Id(1)] ProcessedFile? Processed,
    [property: Id(2)] string? Error);
