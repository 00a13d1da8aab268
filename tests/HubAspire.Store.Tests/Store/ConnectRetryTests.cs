using System.Net.Sockets;
using HubAspire.Store.Resilience;
using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Store.Tests.Store;

/// <summary>An unreachable PostgreSQL is retried with backoff, then reported plainly; anything else fails at once.</summary>
public sealed class ConnectRetryTests(PostgresFixture postgres)
{
    private static readonly RunStoreOptions Quick = new()
    {
        ConnectAttempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(10), MaxRetryDelay = TimeSpan.FromMilliseconds(20),
    };

    private static CancellationToken CancellationToken => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Nothing_listening_fails_after_the_attempts_with_a_message_that_says_what_to_check()
    {
        var port = FreePort.Next();
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Database=hubaspire;Timeout=5");
        var store = new RunStore(dataSource, Quick);

        foreach (var operation in new Func<Task>[]
        {
            () => store.MigrateAsync(CancellationToken),
            () => store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken),
            () => store.ReadLatestSucceededAsync(CancellationToken),
        })
        {
            var error = await Assert.ThrowsAsync<PostgresUnreachableException>(operation);

            var cause = Assert.IsType<NpgsqlException>(error.InnerException);
            Assert.IsType<SocketException>(cause.InnerException);
            Assert.Equal(
                $"PostgreSQL at 127.0.0.1:{port} is unreachable after 3 attempts: {cause.Message.TrimEnd('.')}; check that it is running and the connection string.",
                error.Message);
            Assert.Equal($"127.0.0.1:{port}", error.Endpoint);
            Assert.Equal(3, error.Attempts);
        }
    }

    [Fact]
    public async Task Each_attempt_is_a_new_connection()
    {
        var port = FreePort.Next();
        await using var hangsUp = new TcpRelay(port, target: null);
        // GSS encryption off: at its default, "prefer", Npgsql follows a refused attempt with a second one without it.
        await using var dataSource = NpgsqlDataSource.Create($"Host=127.0.0.1;Port={port};Username=postgres;Database=hubaspire;Timeout=5;GSS Encryption Mode=Disable");

        var error = await Assert.ThrowsAsync<PostgresUnreachableException>(() =>
            new RunStore(dataSource, Quick).LatestSucceededRunAsync(CancellationToken));

        Assert.Equal(3, hangsUp.Accepted);
        Assert.Equal(3, error.Attempts);
    }

    [Fact]
    public async Task A_server_that_comes_up_during_the_retries_is_used()
    {
        var server = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync(nameof(ConnectRetryTests), CancellationToken));
        var port = FreePort.Next();
        var viaRelay = new NpgsqlConnectionStringBuilder(server.ConnectionString) { Host = "127.0.0.1", Port = port };
        await using var dataSource = NpgsqlDataSource.Create(viaRelay.ConnectionString);
        var store = new RunStore(dataSource, new RunStoreOptions
        {
            ConnectAttempts = 8, FirstRetryDelay = TimeSpan.FromMilliseconds(100), MaxRetryDelay = TimeSpan.FromMilliseconds(400),
        });

        var migrating = store.MigrateAsync(CancellationToken);
        await Task.Delay(TimeSpan.FromMilliseconds(600), CancellationToken);
        Assert.False(migrating.IsCompleted);
        await using var relay = new TcpRelay(port, (server.Host!, server.Port));
        await migrating.WaitAsync(TimeSpan.FromSeconds(30), CancellationToken);
        var runId = await store.StartRunAsync(TestDatasets.Identity(), TestDatasets.Trace, CancellationToken);

        await using var direct = NpgsqlDataSource.Create(server.ConnectionString);
        await using var command = direct.CreateCommand("SELECT status FROM runs WHERE id = $1");
        command.Parameters.Add(new() { Value = runId });
        Assert.Equal("running", await command.ExecuteScalarAsync(CancellationToken));
        Assert.True(relay.Accepted >= 1);
        await dataSource.DisposeAsync(); // its pooled connections go through the relay
    }

    [Fact]
    public async Task A_server_that_answers_with_an_error_is_not_retried()
    {
        var server = new NpgsqlConnectionStringBuilder(await postgres.CreateDatabaseAsync(nameof(ConnectRetryTests), CancellationToken))
        {
            Database = "no_such_database",
        };
        await using var dataSource = NpgsqlDataSource.Create(server.ConnectionString);
        var slow = new RunStoreOptions { ConnectAttempts = 6, FirstRetryDelay = TimeSpan.FromMinutes(1), MaxRetryDelay = TimeSpan.FromMinutes(1) };

        var error = await Assert.ThrowsAsync<PostgresException>(() => new RunStore(dataSource, slow).LatestSucceededRunAsync(CancellationToken));

        Assert.Equal(PostgresErrorCodes.InvalidCatalogName, error.SqlState);
    }

    [Fact]
    public void The_waits_double_from_half_a_second_to_at_most_eight_over_six_attempts()
    {
        var defaults = new RunStoreOptions();

        Assert.Equal(6, defaults.ConnectAttempts);
        Assert.Equal(
            [0.5, 1, 2, 4, 8, 8, 8],
            Enumerable.Range(1, 7).Select(attempt => ConnectRetry.DelayAfter(attempt, defaults).TotalSeconds));
    }
}
