namespace HubAspire.Store.Schema;

/// <summary>
/// A row of the <c>runs</c> table: one ETL execution. Columns are the snake_case property names.
/// Callers outside the store see <see cref="RunInfo"/>.
/// </summary>
public sealed class RunRecord
{
    public long Id { get; set; }

    public RunStatus Status { get; set; }

    public required string ManifestPath { get; set; }

    public long Seed { get; set; }

    public double Scale { get; set; }

    public required string GeneratorVersion { get; set; }

    public DateTimeOffset ManifestCreatedAt { get; set; }

    public long TotalRows { get; set; }

    public DateTimeOffset StartedAt { get; set; }

    /// <summary>Null exactly while <see cref="Status"/> is running (a check constraint says so).</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Rows read per entity; set when the run succeeds.</summary>
    public Dictionary<string, long>? RowsPerEntity { get; set; }

    /// <summary>Wall time per ETL phase in milliseconds (microsecond precision); set when the run succeeds.</summary>
    public Dictionary<string, double>? PhaseDurationsMs { get; set; }

    public string? Error { get; set; }

    /// <summary>The ETL run's own trace id (32 hex digits).</summary>
    public string? TraceId { get; set; }

    /// <summary>The generator's W3C traceparent from the manifest, linking the run to the generation.</summary>
    public string? GeneratorTraceParent { get; set; }
}
