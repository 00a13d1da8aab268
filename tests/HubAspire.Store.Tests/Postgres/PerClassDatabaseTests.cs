using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>One database per test class through <see cref="PostgresDatabaseFixture"/>.</summary>
public sealed class PerClassDatabaseTests(PostgresDatabaseFixture database, PostgresFixture postgres) : IClassFixture<PostgresDatabaseFixture>
{
    [Fact]
    public async Task The_class_database_is_named_after_the_class_and_lives_on_the_shared_server()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var server = await postgres.GetServerAsync(cancellationToken);

        var builder = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Matches("^perclassdatabasetests_[0-9]+$", builder.Database);
        Assert.Equal(new NpgsqlConnectionStringBuilder(server.ServerConnectionString).Port, builder.Port);
        Assert.Equal(server.Backend, database.Backend);

        await using var dataSource = NpgsqlDataSource.Create(database.ConnectionString);
        await using var command = dataSource.CreateCommand("SELECT current_database()");
        Assert.Equal(builder.Database, await command.ExecuteScalarAsync(cancellationToken));
    }
}
