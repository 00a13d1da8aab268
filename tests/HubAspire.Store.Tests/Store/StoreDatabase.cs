using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Store.Tests.Store;

/// <summary>A fresh database of its own for one test, with a <see cref="RunStore"/> over it, migrated unless asked not to.</summary>
internal sealed class StoreDatabase : IAsyncDisposable
{
    private StoreDatabase(string connectionString, RunStoreOptions? options)
    {
        ConnectionString = connectionString;
        DataSource = NpgsqlDataSource.Create(connectionString);
        Store = new RunStore(DataSource, options);
    }

    public string ConnectionString { get; }

    public NpgsqlDataSource DataSource { get; }

    public RunStore Store { get; }

    public string Name => new NpgsqlConnectionStringBuilder(ConnectionString).Database!;

    public static async Task<StoreDatabase> CreateAsync(
        PostgresFixture postgres, string name, RunStoreOptions? options = null, bool migrate = true)
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var database = new StoreDatabase(await postgres.CreateDatabaseAsync(name, cancellationToken), options);
        if (migrate)
        {
            await database.Store.MigrateAsync(cancellationToken);
        }

        return database;
    }

    /// <summary>Runs a query on a connection of its own (another session than the store's) and returns the first column of the first row.</summary>
    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        return (T)(await command.ExecuteScalarAsync(TestContext.Current.CancellationToken))!;
    }

    /// <summary>Cells of <paramref name="runId"/> in each cube table, counted from another session.</summary>
    public async Task<long[]> CellCountsAsync(long runId)
    {
        var counts = new List<long>();
        foreach (var table in TestCells.CubeTableNames)
        {
            counts.Add(await ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE run_id = $1", runId));
        }

        return [.. counts];
    }

    /// <summary>The run's status column as another session sees it, or "(none)".</summary>
    public Task<string> StatusAsync(long runId) =>
        ScalarAsync<string>("SELECT coalesce((SELECT status FROM runs WHERE id = $1), '(none)')", runId);

    public async ValueTask DisposeAsync() => await DataSource.DisposeAsync();
}
