using HubAspire.Core.Aggregations;

namespace HubAspire.Store;

/// <summary>A succeeded run and all its cells, read in one snapshot.</summary>
/// <param name="Cubes">One per <see cref="Core.Aggregations.Cubes.All"/> entry, in that order.</param>
public sealed record RunCubes(RunInfo Run, IReadOnlyList<CubeCells> Cubes);
