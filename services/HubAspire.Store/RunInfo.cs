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
    RunTraceIds Trace);
