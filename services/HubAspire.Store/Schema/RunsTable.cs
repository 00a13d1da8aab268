using Microsoft.EntityFrameworkCore;

namespace HubAspire.Store.Schema;

/// <summary>The <c>runs</c> table: one row per ETL execution, the parent of every cube row.</summary>
internal static class RunsTable
{
    public const string Name = "runs";

    // Column names for the store's plain SQL: the snake_case of each RunRecord property, the rule
    // Configure gives the model, so the model and the SQL cannot disagree.
    public static readonly string Id = Column(nameof(RunRecord.Id));
    public static readonly string Status = Column(nameof(RunRecord.Status));
    public static readonly string ManifestPath = Column(nameof(RunRecord.ManifestPath));
    public static readonly string Seed = Column(nameof(RunRecord.Seed));
    public static readonly string Scale = Column(nameof(RunRecord.Scale));
    public static readonly string GeneratorVersion = Column(nameof(RunRecord.GeneratorVersion));
    public static readonly string ManifestCreatedAt = Column(nameof(RunRecord.ManifestCreatedAt));
    public static readonly string TotalRows = Column(nameof(RunRecord.TotalRows));
    public static readonly string StartedAt = Column(nameof(RunRecord.StartedAt));
    public static readonly string FinishedAt = Column(nameof(RunRecord.FinishedAt));
    public static readonly string RowsPerEntity = Column(nameof(RunRecord.RowsPerEntity));
    public static readonly string PhaseDurationsMs = Column(nameof(RunRecord.PhaseDurationsMs));
    public static readonly string Error = Column(nameof(RunRecord.Error));
    public static readonly string TraceId = Column(nameof(RunRecord.TraceId));
    public static readonly string GeneratorTraceParent = Column(nameof(RunRecord.GeneratorTraceParent));

    /// <summary>Every column, in table order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        Id, Status, ManifestPath, Seed, Scale, GeneratorVersion, ManifestCreatedAt, TotalRows, StartedAt, FinishedAt,
        RowsPerEntity, PhaseDurationsMs, Error, TraceId, GeneratorTraceParent,
    ];

    public static void Configure(ModelBuilder model) => model.Entity<RunRecord>(run =>
    {
        var statuses = string.Join(", ", Enum.GetValues<RunStatus>().Select(StatusLiteral));
        run.ToTable(Name, table =>
        {
            table.HasCheckConstraint("ck_runs_status", $"{Status} IN ({statuses})");
            // A finished run has a finish time and a running one has none: the "latest
            // succeeded" order never meets a null.
            table.HasCheckConstraint("ck_runs_finished_at", $"({Status} = {StatusLiteral(RunStatus.Running)}) = ({FinishedAt} IS NULL)");
        });

        run.HasKey(r => r.Id).HasName("pk_runs");
        run.Property(r => r.Id).UseIdentityByDefaultColumn();
        run.Property(r => r.Status).HasConversion(s => StatusText(s), text => ParseStatus(text));
        run.Property(r => r.RowsPerEntity).IsJsonbObject();
        run.Property(r => r.PhaseDurationsMs).IsJsonbObject();

        foreach (var property in run.Metadata.GetProperties())
        {
            property.SetColumnName(Column(property.Name));
        }
    });

    /// <summary>The status as the <c>status</c> column holds it, for SQL text: a fixed word, never user input.</summary>
    public static string StatusLiteral(RunStatus status) => $"'{StatusText(status)}'";

    public static string StatusText(RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus ParseStatus(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);

    private static string Column(string property) => SnakeCase.From(property);
}
