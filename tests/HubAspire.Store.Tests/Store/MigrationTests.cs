using HubAspire.Store.Migrating;
using HubAspire.Store.Schema;
using HubAspire.Testing.Postgres;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace HubAspire.Store.Tests.Store;

/// <summary>
/// An up-to-date database is recognised from EF's history table alone, without EF and without
/// the migrations lock; anything pending is applied by EF under that lock.
/// </summary>
public sealed class MigrationTests(PostgresFixture postgres)
{
    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public void The_compiled_migrations_are_the_ones_EF_finds()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        using var context = NewContext(dataSource);

        Assert.Equal(context.Database.GetMigrations(), MigrationHistory.Compiled);
    }

    [Fact]
    public void The_history_table_and_its_key_column_are_named_as_EF_names_them()
    {
        using var dataSource = NpgsqlDataSource.Create("Host=localhost");
        using var context = NewContext(dataSource);

        var script = context.GetService<IHistoryRepository>().GetCreateScript();

        Assert.Contains($"CREATE TABLE \"{MigrationHistory.Table}\" (", script);
        Assert.Contains($"\"{MigrationHistory.MigrationIdColumn}\" character varying(150) NOT NULL", script);
    }

    [Fact]
    public async Task A_fresh_database_has_every_migration_pending_and_none_once_migrated()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(MigrationTests), migrate: false);
        await using var connection = await db.DataSource.OpenConnectionAsync(CancellationToken);
        Assert.Equal(MigrationHistory.Compiled, await MigrationHistory.PendingAsync(connection, CancellationToken));

        await db.Store.MigrateAsync(CancellationToken);

        Assert.Empty(await MigrationHistory.PendingAsync(connection, CancellationToken));
        Assert.Equal(MigrationHistory.Compiled.Count, await db.ScalarAsync<long>("SELECT count(*) FROM \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task An_empty_history_table_left_by_an_interrupted_start_is_migrated_in_full()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(MigrationTests), migrate: false);
        await using (var context = NewContext(db.DataSource))
        {
            await context.Database.ExecuteSqlRawAsync(context.GetService<IHistoryRepository>().GetCreateScript(), CancellationToken);
        }

        await db.Store.MigrateAsync(CancellationToken);

        Assert.Equal(9L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"));
        Assert.Equal(
            string.Join(",", MigrationHistory.Compiled),
            await db.ScalarAsync<string>("SELECT string_agg(\"MigrationId\", ',' ORDER BY \"MigrationId\") FROM \"__EFMigrationsHistory\""));
    }

    [Fact]
    public async Task An_up_to_date_database_does_not_wait_for_a_session_holding_the_migrations_lock()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(MigrationTests));
        await using var holder = await HoldMigrationsLockAsync(db);

        await db.Store.MigrateAsync(CancellationToken).WaitAsync(TimeSpan.FromSeconds(30), CancellationToken);
    }

    [Fact]
    public async Task Pending_migrations_wait_for_the_migrations_lock_and_are_then_applied()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(MigrationTests), migrate: false);
        await using var holder = await HoldMigrationsLockAsync(db);

        var migrating = db.Store.MigrateAsync(CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(500), CancellationToken);
        Assert.False(migrating.IsCompleted);
        Assert.Equal(0L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'runs'"));
        await holder.DisposeAsync(); // the session ends, and its lock with it

        await migrating.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken);
        Assert.Equal(1L, await db.ScalarAsync<long>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'runs'"));
    }

    [Fact]
    public async Task A_migration_applied_by_a_newer_build_is_ignored_as_EF_ignores_it()
    {
        await using var db = await StoreDatabase.CreateAsync(postgres, nameof(MigrationTests));
        await db.ScalarAsync<int>("INSERT INTO \"__EFMigrationsHistory\" (\"MigrationId\", \"ProductVersion\") VALUES ('29991231000000_FromTheFuture', '99.0.0') RETURNING 1");
        await using var connection = await db.DataSource.OpenConnectionAsync(CancellationToken);

        Assert.Empty(await MigrationHistory.PendingAsync(connection, CancellationToken));
        await db.Store.MigrateAsync(CancellationToken);
        var runId = await db.Store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);
        Assert.Equal("running", await db.StatusAsync(runId));
    }

    private static AggregateStoreContext NewContext(NpgsqlDataSource dataSource) =>
        new(new DbContextOptionsBuilder<AggregateStoreContext>().UseNpgsql(dataSource).Options);

    /// <summary>Another session, as a concurrently starting ETL that is migrating would be.</summary>
    private static async Task<NpgsqlConnection> HoldMigrationsLockAsync(StoreDatabase db)
    {
        var connection = new NpgsqlConnection(db.ConnectionString + ";Pooling=false");
        await connection.OpenAsync(CancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
        command.Parameters.Add(new() { Value = StoreLocks.Migrations });
        await command.ExecuteNonQueryAsync(CancellationToken);
        return connection;
    }
}
