namespace HubAspire.Store;

/// <param name="Cells">Cells loaded for the run, over all cubes.</param>
/// <param name="PrunedRunIds">Older runs deleted with their cells in the same transaction.</param>
public sealed record RunCompletion(long Cells, IReadOnlyList<long> PrunedRunIds);
