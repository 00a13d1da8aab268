using Xunit;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// A fresh database on the assembly's <see cref="PostgresFixture"/> server, shared by the tests
/// of one class: <c>public sealed class EtlRunTests(PostgresDatabaseFixture database) : IClassFixture&lt;PostgresDatabaseFixture&gt;</c>
/// and then <c>database.ConnectionString</c>. Requires the assembly fixture to be registered.
/// </summary>
public sealed class PostgresDatabaseFixture(PostgresFixture server) : IAsyncLifetime
{
    private string? connectionString;

    /// <summary>Connection string to this class's own database.</summary>
    public string ConnectionString => connectionString
        ?? throw new InvalidOperationException("The database is created when the fixture is initialized.");

    public PostgresBackend Backend { get; private set; }

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var testServer = await server.GetServerAsync(cancellationToken);
        Backend = testServer.Backend;
        // Named after the test class, so a leftover database in a kept cluster says whose it was.
        var name = TestContext.Current.TestClass?.TestClassSimpleName ?? "class";
        connectionString = await testServer.CreateDatabaseAsync(name, cancellationToken);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
