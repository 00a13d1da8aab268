using Npgsql;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>
/// The proof that a database really works: a table with the column types the store uses,
/// rows written with parameters, read back and compared value by value.
/// </summary>
internal static class RowRoundTrip
{
    private static readonly (int Id, string Name, decimal Amount, DateTime ClosedAt, bool? Won)[] Rows =
    [
        (1, "Acme — renewal", 12_500.50m, new DateTime(2024, 1, 31, 23, 59, 59, DateTimeKind.Utc), true),
        (2, "Globex expansion", 0.01m, new DateTime(2023, 6, 1, 8, 0, 0, DateTimeKind.Utc), false),
        (3, "Initech pilot", 999_999_999.99m, new DateTime(2025, 12, 31, 0, 0, 0, DateTimeKind.Utc), null),
    ];

    public static async Task AssertWritesAndReadsRowsAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        await using (var create = dataSource.CreateCommand(
            "CREATE TABLE deals (id integer PRIMARY KEY, name text NOT NULL, amount numeric(12,2) NOT NULL, closed_at timestamptz NOT NULL, won boolean)"))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var row in Rows)
        {
            await using var insert = dataSource.CreateCommand(
                "INSERT INTO deals (id, name, amount, closed_at, won) VALUES ($1, $2, $3, $4, $5)");
            insert.Parameters.Add(new() { Value = row.Id });
            insert.Parameters.Add(new() { Value = row.Name });
            insert.Parameters.Add(new() { Value = row.Amount });
            insert.Parameters.Add(new() { Value = row.ClosedAt });
            insert.Parameters.Add(new() { Value = (object?)row.Won ?? DBNull.Value });
            Assert.Equal(1, await insert.ExecuteNonQueryAsync(cancellationToken));
        }

        var read = new List<(int, string, decimal, DateTime, bool?)>();
        await using (var select = dataSource.CreateCommand("SELECT id, name, amount, closed_at, won FROM deals ORDER BY id"))
        await using (var reader = await select.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                read.Add((
                    reader.GetInt32(0),
                    reader.GetString(1),
                    reader.GetDecimal(2),
                    reader.GetFieldValue<DateTime>(3),
                    reader.IsDBNull(4) ? null : reader.GetBoolean(4)));
            }
        }

        Assert.Equal(Rows, read);
        Assert.All(read, r => Assert.Equal(DateTimeKind.Utc, r.Item4.Kind));

        // The server computes over what was stored, not just echoes it.
        await using var sum = dataSource.CreateCommand("SELECT sum(amount), count(*) FILTER (WHERE won) FROM deals");
        await using var totals = await sum.ExecuteReaderAsync(cancellationToken);
        Assert.True(await totals.ReadAsync(cancellationToken));
        Assert.Equal(1_000_012_500.50m, totals.GetDecimal(0));
        Assert.Equal(1L, totals.GetInt64(1));
    }

    public static async Task<string> ServerVersionAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using var command = dataSource.CreateCommand("SHOW server_version");
        return (string)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
