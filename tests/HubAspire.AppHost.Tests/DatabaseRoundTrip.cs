using Npgsql;

namespace HubAspire.AppHost.Tests;

/// <summary>What "the database answers" means in these tests: a query, and a table written and read back.</summary>
public static class DatabaseRoundTrip
{
    /// <returns>The server's version string, for the test output.</returns>
    public static async Task<string> AssertAnswersAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

        Assert.Equal(1, await ScalarAsync<int>(dataSource, "select 1", cancellationToken));
        Assert.Equal("hubaspire", await ScalarAsync<string>(dataSource, "select current_database()", cancellationToken));

        var table = $"apphost_test_{Guid.NewGuid():N}";
        await ExecuteAsync(dataSource, $"create table {table} (id int primary key, name text not null)", cancellationToken);
        try
        {
            await ExecuteAsync(dataSource, $"insert into {table} values (1, 'won'), (2, 'lost'), (3, 'open')", cancellationToken);

            var rows = new List<(int, string)>();
            await using (var command = dataSource.CreateCommand($"select id, name from {table} order by id"))
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    rows.Add((reader.GetInt32(0), reader.GetString(1)));
                }
            }

            Assert.Equal([(1, "won"), (2, "lost"), (3, "open")], rows);
        }
        finally
        {
            await ExecuteAsync(dataSource, $"drop table {table}", cancellationToken);
        }

        return await ScalarAsync<string>(dataSource, "select version()", cancellationToken);
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
