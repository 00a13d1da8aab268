using Microsoft.EntityFrameworkCore;

namespace HubAspire.Store.Schema;

/// <summary>The <c>runs</c> table: one row per ETL execution, the parent of every cube row.</summary>
internal static class RunsTable
{
    public const string Name = "runs";

    public static void Configure(ModelBuilder model) => model.Entity<RunRecord>(run =>
    {
        var statuses = string.Join(", ", Enum.GetValues<RunStatus>().Select(s => $"'{StatusText(s)}'"));
        run.ToTable(Name, table =>
        {
            table.HasCheckConstraint("ck_runs_status", $"status IN ({statuses})");
            // A finished run has a finish time and a running one has none: the "latest
            // succeeded" order never meets a null.
            table.HasCheckConstraint("ck_runs_finished_at", $"(status = '{StatusText(RunStatus.Running)}') = (finished_at IS NULL)");
        });

        run.HasKey(r => r.Id).HasName("pk_runs");
        run.Property(r => r.Id).UseIdentityByDefaultColumn();
        run.Property(r => r.Status).HasConversion(s => StatusText(s), text => ParseStatus(text));
        run.Property(r => r.RowsPerEntity).IsJsonbObject();
        run.Property(r => r.PhaseDurationsMs).IsJsonbObject();

        foreach (var property in run.Metadata.GetProperties())
        {
            property.SetColumnName(SnakeCase.From(property.Name));
        }
    });

    public static string StatusText(RunStatus status) => status.ToString().ToLowerInvariant();

    public static RunStatus ParseStatus(string text) => Enum.Parse<RunStatus>(text, ignoreCase: true);
}
