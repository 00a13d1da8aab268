using System.Reflection;
using HubAspire.Store.Schema;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HubAspire.Store.Migrating;

/// <summary>
/// Which migrations a database lacks, found without EF: in a fresh process EF would first build
/// its services and the model (~0.7 s) only to learn that nothing is pending, which is the
/// ETL's usual case. The compiled migrations are found as EF finds them (by their attributes);
/// the applied ones are read from EF's history table.
/// </summary>
internal static class MigrationHistory
{
    public const string Table = HistoryRepository.DefaultTableName;

    /// <summary>EF's name for the history table's key column (a test checks it against EF's own script).</summary>
    public const string MigrationIdColumn = "MigrationId";

    /// <summary>
    /// The ids of the <see cref="AggregateStoreContext"/> migrations in this assembly, in the
    /// order EF applies them (ordinal order of the ids).
    /// </summary>
    public static IReadOnlyList<string> Compiled { get; } =
    [
        .. typeof(AggregateStoreContext).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(AggregateStoreContext))
            .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
            .OfType<string>()
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>The compiled migrations not yet recorded as applied (all of them before the history table exists).</summary>
    public static async Task<IReadOnlyList<string>> PendingAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var applied = new HashSet<string>(StringComparer.Ordinal);
        // The table is resolved through the search path, as EF's unqualified history table is.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass(quote_ident($1)) IS NOT NULL", connection))
        {
            exists.Parameters.Add(new() { Value = Table });
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!)
            {
                return Compiled;
            }
        }

        await using (var select = new NpgsqlCommand($"SELECT \"{MigrationIdColumn}\" FROM \"{Table}\"", connection))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return [.. Compiled.Where(id => !applied.Contains(id))];
    }
}
