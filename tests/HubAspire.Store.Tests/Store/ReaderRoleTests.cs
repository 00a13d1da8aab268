using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Store.Tests.Store;

/// <summary>The API's role reads the store and can change nothing.</summary>
public sealed class ReaderRoleTests(PostgresFixture postgres)
{
    private const string Password = "reader's \"pass\\word\" ;--";

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_reader_role_reads_runs_and_cells()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(ReaderRoleTests));
        var cubes = TestCells.Small(seed: 1);
        var (runId, _) = await TestDatasets.CompleteRunAsync(db.Store, cubes);
        var role = db.Name + "_reader";

        await db.Store.EnsureReaderRoleAsync(role, Password, CancellationToken);

        await using var readerSource = NpgsqlDataSource.Create(AsRole(db, role, Password));
        var reader = new RunStore(readerSource);
        var latest = await reader.ReadLatestSucceededAsync(CancellationToken);
        Assert.Equal(runId, latest?.Run.Id);
        TestCells.AssertSame(cubes, latest!.Cubes);
        Assert.Equal(runId, (await reader.FindSucceededRunForDatasetAsync(TestDatasets.Identity(), CancellationToken))?.Id);
    }

    [Fact]
    public async Task The_reader_role_cannot_write_even_outside_a_read_only_transaction()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(ReaderRoleTests));
        var (runId, _) = await TestDatasets.CompleteRunAsync(db.Store, TestCells.Small(seed: 1));
        var role = db.Name + "_reader";
        await db.Store.EnsureReaderRoleAsync(role, Password, CancellationToken);
        await using var connection = new NpgsqlConnection(AsRole(db, role, Password));
        await connection.OpenAsync(CancellationToken);
        var insertRun = "INSERT INTO runs (status, manifest_path, seed, scale, generator_version, manifest_created_at, total_rows, started_at) " +
            "VALUES ('running', 'x', 1, 1, 'v', now(), 0, now())";

        // Its sessions start read-only ...
        var readOnly = await FailAsync(connection, insertRun);
        Assert.Equal(PostgresErrorCodes.ReadOnlySqlTransaction, readOnly.SqlState);

        // ... and when it switches that off, the grants still refuse every change.
        await ExecuteAsync(connection, "SET default_transaction_read_only = off");
        string[] writes =
        [
            insertRun,
            $"UPDATE runs SET status = 'failed', finished_at = now() WHERE id = {runId}",
            $"DELETE FROM runs WHERE id = {runId}",
            "TRUNCATE deals_cube",
            $"INSERT INTO deals_cube (run_id, dimension, month, label, rows, amount, weighted_amount, won, lost, won_amount, open_weighted_amount, velocity_score, probability, days_in_pipeline) VALUES ({runId}, 'all', 1, 'x', 1, 1, 1, 1, 1, 1, 1, 1, 1, 1)",
            "DELETE FROM web_analytics_cube",
            "DELETE FROM \"__EFMigrationsHistory\"",
            "CREATE TABLE mine (id int)",
            "DROP TABLE runs CASCADE",
        ];
        foreach (var write in writes)
        {
            var refused = await FailAsync(connection, write);
            Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{write}: {refused.SqlState} {refused.MessageText}");
        }

        Assert.Equal("succeeded", await db.StatusAsync(runId));
        Assert.Equal(TestCells.Small(seed: 1).Select(c => (long)c.Count), await db.CellCountsAsync(runId));
    }

    [Fact]
    public async Task Ensuring_the_role_again_keeps_it_a_reader_and_sets_the_new_password()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(ReaderRoleTests));
        var role = db.Name + "_reader";
        await db.Store.EnsureReaderRoleAsync(role, "first", CancellationToken);
        await ExecuteAsync(db, $"GRANT INSERT, DELETE ON runs TO {role}"); // rights it must lose again

        await db.Store.EnsureReaderRoleAsync(role, "second", CancellationToken);

        Assert.Equal("SELECT", await db.ScalarAsync<string>(
            "SELECT string_agg(DISTINCT privilege_type, ',') FROM information_schema.role_table_grants WHERE grantee = $1", role));
        Assert.Equal(9L, await db.ScalarAsync<long>(
            "SELECT count(DISTINCT table_name) FROM information_schema.role_table_grants WHERE grantee = $1", role));
        Assert.False(await db.ScalarAsync<bool>(
            "SELECT rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls FROM pg_roles WHERE rolname = $1", role));
        await using (var connection = new NpgsqlConnection(AsRole(db, role, "second")))
        {
            await connection.OpenAsync(CancellationToken);
        }

        // A server that trusts local connections checks no password; the container's does.
        if (await CanConnectAsync(AsRole(db, role, "certainly not the password")))
        {
            TestContext.Current.TestOutputHelper?.WriteLine("This server checks no passwords; the old password's refusal is not tested.");
            return;
        }

        Assert.False(await CanConnectAsync(AsRole(db, role, "first")));
    }

    [Fact]
    public async Task A_superuser_or_the_store_s_own_role_is_never_made_the_reader()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(ReaderRoleTests));
        var owner = new NpgsqlConnectionStringBuilder(db.ConnectionString).Username!;

        var error = await Assert.ThrowsAsync<ArgumentException>(() => db.Store.EnsureReaderRoleAsync(owner, "x", CancellationToken));

        Assert.StartsWith($"The role '{owner}' is a superuser or the role this connection uses; the API's reader needs a role of its own.", error.Message);
        Assert.True(await db.ScalarAsync<bool>("SELECT rolsuper FROM pg_roles WHERE rolname = $1", owner));
    }

    private static string AsRole(StoreDatabase db, string role, string password) =>
        new NpgsqlConnectionStringBuilder(db.ConnectionString) { Username = role, Password = password, Pooling = false }.ConnectionString;

    private static async Task<bool> CanConnectAsync(string connectionString)
    {
        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync(CancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InvalidPassword)
        {
            return false;
        }
    }

    private static async Task<PostgresException> FailAsync(NpgsqlConnection connection, string sql) =>
        await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(connection, sql));

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(CancellationToken);
    }

    private static async Task ExecuteAsync(StoreDatabase db, string sql)
    {
        await using var command = db.DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(CancellationToken);
    }
}
