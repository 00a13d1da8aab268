using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>
/// The assembly's shared server, whichever backend <c>HUBASPIRE_TEST_POSTGRES</c> picked: each
/// <see cref="PostgresFixture.CreateDatabaseAsync"/> is a database of its own.
/// </summary>
public sealed class DefaultBackendTests(PostgresFixture postgres)
{
    [Fact]
    public async Task The_shared_server_writes_and_reads_rows()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var server = await postgres.GetServerAsync(cancellationToken);
        TestContext.Current.TestOutputHelper?.WriteLine($"{server.Backend}: {server.SelectionReason}");

        var forced = TestPostgresSettings.FromEnvironment().Backend;
        if (forced is not null)
        {
            Assert.Equal(forced, server.Backend);
        }

        await RowRoundTrip.AssertWritesAndReadsRowsAsync(
            await postgres.CreateDatabaseAsync(nameof(The_shared_server_writes_and_reads_rows), cancellationToken), cancellationToken);
    }

    [Fact]
    public async Task Each_created_database_is_fresh_and_isolated()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var first = await postgres.CreateDatabaseAsync("Isolation Test", cancellationToken);
        var second = await postgres.CreateDatabaseAsync("Isolation Test", cancellationToken);

        var firstName = new NpgsqlConnectionStringBuilder(first).Database!;
        var secondName = new NpgsqlConnectionStringBuilder(second).Database!;
        Assert.NotEqual(firstName, secondName);
        Assert.Matches("^isolation_test_[0-9]+$", firstName);

        await ExecuteAsync(first, "CREATE TABLE only_in_first (id int); INSERT INTO only_in_first VALUES (7)", cancellationToken);

        Assert.Equal(7, await ScalarAsync<int>(first, "SELECT id FROM only_in_first", cancellationToken));
        Assert.False(await ScalarAsync<bool>(second, "SELECT to_regclass('only_in_first') IS NOT NULL", cancellationToken));
        Assert.Equal(0L, await ScalarAsync<long>(second,
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", cancellationToken));
    }

    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(string connectionString, string sql, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
