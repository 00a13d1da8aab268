using Microsoft.EntityFrameworkCore;

namespace HubAspire.Store.Schema;

/// <summary>
/// The aggregate store's schema: the <c>runs</c> table and one cube table per
/// <see cref="Core.Aggregations.Cubes.All"/> entry. The ETL applies its migrations; the API only reads.
/// </summary>
public sealed class AggregateStoreContext(DbContextOptions<AggregateStoreContext> options) : DbContext(options)
{
    public DbSet<RunRecord> Runs => Set<RunRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        RunsTable.Configure(modelBuilder);
        foreach (var table in CubeTable.All)
        {
            table.Configure(modelBuilder);
        }
    }
}
