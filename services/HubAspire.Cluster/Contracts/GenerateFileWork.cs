using HubAspire.Datasets.Manifest;

namespace HubAspire.Cluster.Contracts;

/// <summary>Write one file of the generator's plan (<see cref="Generation.GenerationPlan"/>) into <see cref="Directory"/>.</summary>
/// <param name="RelativePath">The file, as the plan names it (<c>deals/part-00000.parquet</c>).</param>
/// <param name="Directory">The generator's stage, shared by path with the silos.</param>
[GenerateSerializer, Immutable, Alias("hubaspire.generate-file-work")]
public sealed record GenerateFileWork(
    [property: Id(0)] long Seed,
    [property: Id(1)] double Scale,
    [property: Id(2)] string RelativePath,
    [property: Id(3)] string Directory);

/// <summary>The file written, or the deterministic error that stopped it (which no retry would cure).</summary>
[GenerateSerializer, Immutable, Alias("hubaspire.generated-file-outcome")]
public sealed record GeneratedFileOutcome([property: Id(0)] ManifestFile? File, [property: Id(1)] string? Error);
