using Npgsql;

namespace HubAspire.Cluster.Membership;

/// <summary>
/// The PostgreSQL side of Orleans' ADO.NET clustering. No package ships it for PostgreSQL, so
/// <c>membership.sql</c> holds our own tables and the named queries the provider loads at start.
/// Silos and clients use <see cref="Invariant"/> and <see cref="ConnectionStringFor"/>; whoever
/// starts a silo calls <see cref="EnsureAsync"/> first.
/// </summary>
public static class PostgresMembershipSchema
{
    /// <summary>Kept apart from <c>public</c>, which holds the aggregate store's tables.</summary>
    public const string Schema = "orleans";

    /// <summary>The ADO.NET provider invariant Orleans resolves to Npgsql.</summary>
    public const string Invariant = "Npgsql";

    // Any constant works as long as every silo uses the same one; "HubO" keeps it clear of the
    // store's "HubA" keys, which share this database's advisory-lock key space.
    private const long EnsureLock = 0x4875_624F_0001;

    private static readonly Lazy<string> Script = new(ReadScript);

    /// <summary>
    /// <paramref name="connectionString"/> with the search path set to <see cref="Schema"/>: the
    /// provider names its tables unqualified, starting with <c>SELECT ... FROM OrleansQuery</c>.
    /// </summary>
    public static string ConnectionStringFor(string connectionString) =>
        new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = Schema }.ConnectionString;

    /// <summary>
    /// Creates the schema and tables if missing, (re)writes the provider's queries, and removes
    /// deployments that have been silent for a while. Safe to call from many silos at once.
    /// </summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken)
    {
        // The same search path as the provider, so the script's unqualified names mean its tables.
        await using var connection = new NpgsqlConnection(ConnectionStringFor(connectionString));
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);

        // Silos start together, and concurrent CREATE ... IF NOT EXISTS still collide in the
        // catalog (unique violations); the lock makes the others wait and then find it all done.
        // Transaction-scoped, so a failed or cancelled run cannot leave it held.
        await using var command = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({EnsureLock}); CREATE SCHEMA IF NOT EXISTS {Schema};\n{Script.Value}",
            connection,
            transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static string ReadScript()
    {
        const string name = "HubAspire.Cluster.Membership.membership.sql";
        using var stream = typeof(PostgresMembershipSchema).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing from {typeof(PostgresMembershipSchema).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
