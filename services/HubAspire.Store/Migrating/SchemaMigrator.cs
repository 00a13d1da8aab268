using HubAspire.Store.Resilience;
using HubAspire.Store.Schema;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HubAspire.Store.Migrating;

/// <summary>
/// Applies the store's migrations. An up-to-date database is recognised with one plain query
/// (<see cref="MigrationHistory"/>) and left alone. Otherwise several ETL processes may be
/// starting at once, so each takes a session advisory lock first: the first migrates, the others
/// wait and then find nothing left to apply. (EF's own migration lock does not cover the
/// creation of its history table.) Reading the history without the lock is safe: a migration
/// and its history row commit together, so a migration in progress reads as pending.
/// </summary>
internal static class SchemaMigrator
{
    public static async Task MigrateAsync(
        NpgsqlDataSource dataSource, Func<AggregateStoreContext> newContext, ConnectRetry retry, CancellationToken cancellationToken)
    {
        await using var lockConnection = await retry.OpenAsync(dataSource, cancellationToken);
        if ((await MigrationHistory.PendingAsync(lockConnection, cancellationToken)).Count == 0)
        {
            return;
        }

        await using (var acquire = new NpgsqlCommand("SELECT pg_advisory_lock($1)", lockConnection))
        {
            acquire.Parameters.Add(new() { Value = StoreLocks.Migrations });
            await acquire.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            await using var context = newContext();
            await context.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            try
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", lockConnection);
                release.Parameters.Add(new() { Value = StoreLocks.Migrations });
                await release.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (NpgsqlException)
            {
                // The session is gone, and its lock with it; the migration's own error matters more.
            }
        }
    }
}
