using HubAspire.Cluster.Membership;
using HubAspire.Testing.Postgres;
using HubAspire.Testing.Waiting;
using Npgsql;
using Xunit;
using static HubAspire.Cluster.Tests.Membership.MembershipRows;

namespace HubAspire.Cluster.Tests.Membership;

/// <summary>EnsureAsync on a real PostgreSQL, each test on a database of its own.</summary>
public sealed class PostgresMembershipSchemaTests(PostgresFixture postgres)
{
    private const string Schema = PostgresMembershipSchema.Schema;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ensuring_from_many_silos_at_once_and_again_leaves_the_tables_and_each_query_once()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(PostgresMembershipSchemaTests), Cancellation);

        // A fresh database, so they all race to create the schema from nothing.
        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => PostgresMembershipSchema.EnsureAsync(connectionString, Cancellation))));
        await PostgresMembershipSchema.EnsureAsync(connectionString, Cancellation);
        await PostgresMembershipSchema.EnsureAsync(connectionString, Cancellation);

        string[] keys =
        [
            "CleanupDefunctSiloEntriesKey", "DeleteMembershipTableEntriesKey", "GatewaysQueryKey",
            "InsertMembershipKey", "InsertMembershipVersionKey", "MembershipReadAllKey",
            "MembershipReadRowKey", "UpdateIAmAlivetimeKey", "UpdateMembershipKey",
        ];
        Assert.Equal(
            keys.Select(key => $"{key} 1"),
            await ListAsync(connectionString, $"SELECT querykey || ' ' || count(*) FROM {Schema}.orleansquery GROUP BY querykey ORDER BY querykey COLLATE \"C\""));
        Assert.Equal(
            [$"{Schema}.orleansmembershiptable", $"{Schema}.orleansmembershipversiontable", $"{Schema}.orleansquery"],
            await ListAsync(connectionString,
                "SELECT table_schema || '.' || table_name FROM information_schema.tables " +
                "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1"));
    }

    [Fact]
    public async Task Ensuring_removes_deployments_silent_for_ten_minutes_and_keeps_the_others()
    {
        var connectionString = await postgres.CreateDatabaseAsync(nameof(PostgresMembershipSchemaTests), Cancellation);
        await PostgresMembershipSchema.EnsureAsync(connectionString, Cancellation);
        const string current = "current";
        await using var silo = await SiloHost.StartAsync(connectionString, current, Cancellation);
        await Eventually.HoldsAsync(
            async () => (await ReadAsync(connectionString, current)) is [{ Status: Active }], TimeSpan.FromSeconds(60), "the current silo Active");

        // Its membership has not changed for an hour either: only its silo's recent IAmAliveTime,
        // written through a session in UTC+14 (SiloHost.ForOrleans), may keep it.
        await ExecuteAsync(connectionString,
            $"UPDATE {Schema}.orleansmembershipversiontable SET changedat = now() - interval '1 hour' WHERE deploymentid = $1", current);

        // Stale: nothing changed for an hour and its last silo went quiet 11 minutes ago (a crash).
        await AddDeploymentAsync(connectionString, "stale", changedAgo: TimeSpan.FromHours(1));
        await AddSiloAsync(connectionString, "stale", port: 1, Dead, aliveAgo: TimeSpan.FromHours(1));
        await AddSiloAsync(connectionString, "stale", port: 2, Active, aliveAgo: TimeSpan.FromMinutes(11));
        // Quiet membership but a silo alive a minute ago: still running.
        await AddDeploymentAsync(connectionString, "quiet", changedAgo: TimeSpan.FromHours(1));
        await AddSiloAsync(connectionString, "quiet", port: 1, Active, aliveAgo: TimeSpan.FromMinutes(1));
        // Just created, its first silo not in yet.
        await AddDeploymentAsync(connectionString, "new", changedAgo: TimeSpan.Zero);

        await PostgresMembershipSchema.EnsureAsync(connectionString, Cancellation);

        Assert.Equal(
            ["current 1 1", "new 1 0", "quiet 1 1"],
            await ListAsync(connectionString,
                $"""
                SELECT v.deploymentid || ' ' || count(DISTINCT v.deploymentid) || ' ' || count(m.deploymentid)
                FROM {Schema}.orleansmembershipversiontable AS v
                LEFT JOIN {Schema}.orleansmembershiptable AS m ON m.deploymentid = v.deploymentid
                GROUP BY v.deploymentid ORDER BY v.deploymentid
                """));
        Assert.Equal(0, await CountAsync(connectionString, $"SELECT count(*) FROM {Schema}.orleansmembershiptable WHERE deploymentid = 'stale'"));
        var row = Assert.Single(await ReadAsync(connectionString, current));
        Assert.True(row.Is(silo.Address));
        Assert.Equal(Active, row.Status);
    }

    private static Task AddDeploymentAsync(string connectionString, string deploymentId, TimeSpan changedAgo) =>
        ExecuteAsync(connectionString,
            $"INSERT INTO {Schema}.orleansmembershipversiontable (deploymentid, version, changedat) VALUES ($1, 5, now() - $2)",
            deploymentId, changedAgo);

    private static Task AddSiloAsync(string connectionString, string deploymentId, int port, int status, TimeSpan aliveAgo) =>
        ExecuteAsync(connectionString,
            $"""
            INSERT INTO {Schema}.orleansmembershiptable
                (deploymentid, address, port, generation, siloname, hostname, status, proxyport, starttime, iamalivetime)
            VALUES ($1, '127.0.0.1', $2, 1, 'silo', 'host', $3, 0, now() - interval '2 hours', now() - $4)
            """,
            deploymentId, port, status, aliveAgo);

    private static async Task<List<string>> ListAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync(Cancellation);
        var values = new List<string>();
        while (await reader.ReadAsync(Cancellation))
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
