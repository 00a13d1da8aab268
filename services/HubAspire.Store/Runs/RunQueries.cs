using HubAspire.Store.Schema;

namespace HubAspire.Store.Runs;

internal static class RunQueries
{
    /// <summary>
    /// "Latest" means the last to finish: the run whose commit made it what the API serves. The
    /// id breaks ties, so the order is total.
    /// </summary>
    public static IQueryable<RunRecord> SucceededNewestFirst(this IQueryable<RunRecord> runs) =>
        runs.Where(r => r.Status == RunStatus.Succeeded).OrderByDescending(r => r.FinishedAt).ThenByDescending(r => r.Id);

    public static IQueryable<RunRecord> OfDataset(this IQueryable<RunRecord> runs, DatasetIdentity dataset) =>
        runs.Where(r =>
            r.ManifestPath == dataset.ManifestPath
            && r.Seed == dataset.Seed
            && r.Scale == dataset.Scale
            && r.GeneratorVersion == dataset.GeneratorVersion
            && r.ManifestCreatedAt == dataset.ManifestCreatedAt
            && r.TotalRows == dataset.TotalRows);
}
