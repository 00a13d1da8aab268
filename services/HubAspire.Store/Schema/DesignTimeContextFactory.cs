using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace HubAspire.Store.Schema;

/// <summary>
/// For <c>dotnet ef migrations add</c>: the tooling needs a context but no database, since
/// generating a migration only compares the model with the snapshot.
/// </summary>
public sealed class DesignTimeContextFactory : IDesignTimeDbContextFactory<AggregateStoreContext>
{
    public AggregateStoreContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AggregateStoreContext>()
            .UseNpgsql("Host=localhost;Database=hubaspire_design_time")
            .Options);
}
