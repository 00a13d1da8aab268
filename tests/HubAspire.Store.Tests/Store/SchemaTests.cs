using HubAspire.Core.Aggregations;
using HubAspire.Store.Schema;
using HubAspire.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace HubAspire.Store.Tests.Store;

/// <summary>What the migrations create, read back from information_schema and compared with literals.</summary>
public sealed class SchemaTests(PostgresDatabaseFixture database, PostgresFixture postgres) : IClassFixture<PostgresDatabaseFixture>, IAsyncLifetime
{
    private NpgsqlDataSource dataSource = null!;

    public async ValueTask InitializeAsync()
    {
        dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        // Every test migrates the class's database: the first applies, the others find nothing to do.
        await new RunStore(dataSource).MigrateAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync() => await dataSource.DisposeAsync();

    [Fact]
    public async Task Migrations_create_exactly_the_runs_table_and_one_table_per_cube()
    {
        var tables = await QueryAsync(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
            r => r.GetString(0));

        Assert.Equal(
        [
            "__EFMigrationsHistory", "companies_cube", "contacts_cube", "deals_cube", "email_campaigns_cube",
            "marketing_events_cube", "runs", "support_tickets_cube", "web_analytics_cube",
        ], tables);
    }

    [Fact]
    public async Task The_runs_table_has_the_expected_columns_key_and_checks()
    {
        Assert.Equal(
        [
            "id bigint NO identity",
            "status text NO",
            "manifest_path text NO",
            "seed bigint NO",
            "scale double precision NO",
            "generator_version text NO",
            "manifest_created_at timestamp with time zone NO",
            "total_rows bigint NO",
            "started_at timestamp with time zone NO",
            "finished_at timestamp with time zone YES",
            "rows_per_entity jsonb YES",
            "phase_durations_ms jsonb YES",
            "error text YES",
            "trace_id text YES",
            "generator_trace_parent text YES",
        ], await ColumnsAsync("runs"));
        Assert.Equal(["pk_runs PRIMARY KEY (id)"], await KeyConstraintsAsync("runs"));
        Assert.Equal(
        [
            "ck_runs_finished_at CHECK (((status = 'running'::text) = (finished_at IS NULL)))",
            "ck_runs_status CHECK ((status = ANY (ARRAY['running'::text, 'succeeded'::text, 'failed'::text])))",
        ], await CheckConstraintsAsync("runs"));
    }

    [Fact]
    public async Task The_deals_cube_has_the_cell_key_a_bigint_per_measure_and_cascades_from_runs()
    {
        Assert.Equal(
        [
            "run_id bigint NO",
            "dimension text NO",
            "month integer NO",
            "label text NO",
            "rows bigint NO",
            "amount bigint NO",
            "weighted_amount bigint NO",
            "won bigint NO",
            "lost bigint NO",
            "won_amount bigint NO",
            "open_weighted_amount bigint NO",
            "velocity_score bigint NO",
            "probability bigint NO",
            "days_in_pipeline bigint NO",
        ], await ColumnsAsync("deals_cube"));
        Assert.Equal(
        [
            "fk_deals_cube_runs_run_id FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE CASCADE",
            "pk_deals_cube PRIMARY KEY (run_id, dimension, month, label)",
        ], await KeyConstraintsAsync("deals_cube"));
        Assert.Equal(
        [
            "ck_deals_cube_dimension CHECK ((dimension = ANY (ARRAY['all'::text, 'region'::text, 'industry'::text, 'stage'::text, 'pipeline'::text])))",
        ], await CheckConstraintsAsync("deals_cube"));
        // No index besides the primary key: it already starts with run_id.
        Assert.Equal(["pk_deals_cube"], await QueryAsync(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'deals_cube' ORDER BY indexname", r => r.GetString(0)));
    }

    [Fact]
    public async Task Every_cube_table_follows_its_definition()
    {
        foreach (var cube in Cubes.All)
        {
            var table = cube.Name + "_cube";
            Assert.Equal(
                [
                    "run_id bigint NO", "dimension text NO", "month integer NO", "label text NO",
                    .. cube.Measures.Select(m => $"{m.Name} bigint NO"),
                ],
                await ColumnsAsync(table));
            Assert.Equal(
                [
                    $"fk_{table}_runs_run_id FOREIGN KEY (run_id) REFERENCES runs(id) ON DELETE CASCADE",
                    $"pk_{table} PRIMARY KEY (run_id, dimension, month, label)",
                ],
                await KeyConstraintsAsync(table));
        }
    }

    [Fact]
    public async Task The_committed_migrations_are_all_applied()
    {
        await using var context = NewContext();
        Assert.Equal(["20261125170734_InitialCreate"], context.Database.GetMigrations());
        Assert.Equal(["20261125170734_InitialCreate"], await context.Database.GetAppliedMigrationsAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>A changed cube definition (or runs entity) without a new migration fails here.</summary>
    [Fact]
    public void The_model_has_no_changes_missing_from_the_migrations()
    {
        using var context = NewContext();
        Assert.False(context.Database.HasPendingModelChanges(),
            "The EF model differs from the last migration: run 'dotnet ef migrations add <Name> --project services/HubAspire.Store'.");
    }

    /// <summary>The store's plain SQL takes its runs column names from RunsTable; the model must agree.</summary>
    [Fact]
    public void The_runs_columns_the_store_s_SQL_names_are_the_model_s()
    {
        using var context = NewContext();
        var runs = context.Model.FindEntityType(typeof(RunRecord))!;

        Assert.Equal(RunsTable.Name, runs.GetTableName());
        Assert.Equal(runs.GetProperties().Select(p => p.GetColumnName()).Order(), RunsTable.Columns.Order());
    }

    [Fact]
    public async Task Concurrent_starters_all_succeed_and_migrate_once()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await postgres.CreateDatabaseAsync("concurrent_migrations", cancellationToken);
        var dataSources = Enumerable.Range(0, 4).Select(_ => NpgsqlDataSource.Create(connectionString)).ToList();
        try
        {
            await Task.WhenAll(dataSources.Select(d => Task.Run(() => new RunStore(d).MigrateAsync(cancellationToken), cancellationToken)));

            await using var command = dataSources[0].CreateCommand("SELECT count(*) FROM \"__EFMigrationsHistory\"");
            Assert.Equal(1L, await command.ExecuteScalarAsync(cancellationToken));
            await using var tables = dataSources[0].CreateCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'");
            Assert.Equal(9L, await tables.ExecuteScalarAsync(cancellationToken));
        }
        finally
        {
            foreach (var dataSource in dataSources)
            {
                await dataSource.DisposeAsync();
            }
        }
    }

    private AggregateStoreContext NewContext() =>
        new(new DbContextOptionsBuilder<AggregateStoreContext>().UseNpgsql(dataSource).Options);

    private Task<List<string>> ColumnsAsync(string table) => QueryAsync(
        """
        SELECT column_name || ' ' || data_type || ' ' || is_nullable || CASE WHEN is_identity = 'YES' THEN ' identity' ELSE '' END
        FROM information_schema.columns
        WHERE table_schema = 'public' AND table_name = $1
        ORDER BY ordinal_position
        """,
        r => r.GetString(0), table);

    private Task<List<string>> KeyConstraintsAsync(string table) => ConstraintsAsync(table, "('p', 'f', 'u')");

    private Task<List<string>> CheckConstraintsAsync(string table) => ConstraintsAsync(table, "('c')");

    private Task<List<string>> ConstraintsAsync(string table, string types) => QueryAsync(
        $"""
        SELECT conname || ' ' || pg_get_constraintdef(oid)
        FROM pg_constraint
        WHERE conrelid = $1::regclass AND contype IN {types}
        ORDER BY conname
        """,
        r => r.GetString(0), table);

    private async Task<List<T>> QueryAsync<T>(string sql, Func<NpgsqlDataReader, T> read, params object[] parameters)
    {
        await using var command = dataSource.CreateCommand(sql);
        foreach (var parameter in parameters)
        {
            command.Parameters.Add(new() { Value = parameter });
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
