using HubAspire.Store.Runs;
using HubAspire.Store.Schema;

namespace HubAspire.Store;

/// <summary>A run as the store reports it.</summary>
/// <param name="RowsPerEntity">Rows read per entity; null unless the run succeeded.</param>
/// <param name="PhaseDurations">Wall time per ETL phase (microsecond precision); null unless the run succeeded.</param>
public sealed record RunInfo(
    long Id,
    RunStatus Status,
    DatasetIdentity Dataset,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyDictionary<string, long>? RowsPerEntity,
    IReadOnlyDictionary<string, TimeSpan>? PhaseDurations,
    string? Error,
    RunTraceIds Trace)
{
    internal static RunInfo From(RunRecord run) => new(
        run.Id,
        run.Status,
        new DatasetIdentity(run.ManifestPath, run.Seed, run.Scale, run.GeneratorVersion, run.ManifestCreatedAt, run.TotalRows),
        run.StartedAt,
        run.FinishedAt,
        run.RowsPerEntity,
        run.PhaseDurationsMs?.ToDictionary(p => p.Key, p => PhaseDuration.FromMilliseconds(p.Value)),
        run.Error,
        new RunTraceIds(run.TraceId, run.GeneratorTraceParent));
}
