using HubAspire.Store.Schema;
using Npgsql;

namespace HubAspire.Store.Access;

/// <summary>
/// The API's login role: it may connect and SELECT from the store's tables, nothing else, so a
/// bug or an injection in the API cannot change what the ETL wrote. Statements are built by the
/// server's <c>format()</c> (%I, %L), because role and password cannot be bind parameters in DDL.
/// Run again after every migration: grants name the tables that exist at that time.
/// </summary>
internal static class ReaderRole
{
    public static async Task EnsureAsync(
        NpgsqlConnection connection, IReadOnlyList<string> tables, string roleName, string password, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(roleName);
        ArgumentException.ThrowIfNullOrEmpty(password);

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock($1)", [StoreLocks.ReaderRole], cancellationToken);

        await using (var existing = new NpgsqlCommand(
            "SELECT rolsuper, rolname = current_user FROM pg_roles WHERE rolname = $1", connection))
        {
            existing.Parameters.Add(new() { Value = roleName });
            await using var reader = await existing.ExecuteReaderAsync(cancellationToken);
            var exists = await reader.ReadAsync(cancellationToken);
            if (exists && (reader.GetBoolean(0) || reader.GetBoolean(1)))
            {
                // Turning it into a reader would take the rights away from whoever holds them now.
                throw new ArgumentException(
                    $"The role '{roleName}' is a superuser or the role this connection uses; the API's reader needs a role of its own.",
                    nameof(roleName));
            }

            await reader.DisposeAsync();
            var verb = exists ? "ALTER" : "CREATE";
            await ExecuteGeneratedAsync(connection,
                $"SELECT format('{verb} ROLE %I WITH LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L', $1, $2)",
                [roleName, password], cancellationToken);
        }

        // Belt and braces: a statement that slipped past the grants would still meet a read-only transaction.
        await ExecuteGeneratedAsync(connection, "SELECT format('ALTER ROLE %I SET default_transaction_read_only = on', $1)", [roleName], cancellationToken);
        await ExecuteGeneratedAsync(connection, "SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), $1)", [roleName], cancellationToken);
        await ExecuteGeneratedAsync(connection, "SELECT format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), $1)", [roleName], cancellationToken);
        // Only SELECT, even for a role that existed before with more.
        await ExecuteGeneratedAsync(connection, "SELECT format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', current_schema(), $1)", [roleName], cancellationToken);
        foreach (var table in tables)
        {
            await ExecuteGeneratedAsync(connection, "SELECT format('GRANT SELECT ON TABLE %I TO %I', $1, $2)", [table, roleName], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="generator"/>, a query that returns one statement, then that statement.</summary>
    private static async Task ExecuteGeneratedAsync(NpgsqlConnection connection, string generator, object[] args, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(generator, connection);
        foreach (var arg in args)
        {
            command.Parameters.Add(new() { Value = arg });
        }

        var statement = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        await ExecuteAsync(connection, statement, [], cancellationToken);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, object[] args, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var arg in args)
        {
            command.Parameters.Add(new() { Value = arg });
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
