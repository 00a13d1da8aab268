using HubAspire.Testing.Postgres;

namespace HubAspire.Api.Tests.Support;

/// <summary>
/// A scale-0.01 dataset (48,500 rows) written by the real generator, run through the real ETL
/// into a fresh database, read again independently with DuckDB — and the real API serving
/// that database in-process.
/// </summary>
public sealed class LoadedApi(PostgresFixture server) : IAsyncLifetime
{
    public const double Scale = 0.01;
    public const long Seed = 42;

    private readonly TempDirectory directory = new();

    public string ConnectionString { get; private set; } = "";

    public long RunId { get; private set; }

    public RawRows Raw { get; private set; } = null!;

    public ApiHost Host { get; private set; } = null!;

    public HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        ConnectionString = await server.CreateDatabaseAsync("api_loaded", cancellationToken);
        await RealPipeline.GenerateAsync(directory.Path, Scale, Seed);
        RunId = (await RealPipeline.RunEtlAsync(directory.Path, ConnectionString)).RunId;
        Raw = RawRows.Read(directory.Raw);
        Host = new ApiHost(ConnectionString);
        Client = Host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        if (Host is not null)
        {
            await Host.DisposeAsync();
        }

        directory.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class LoadedApiCollection : ICollectionFixture<LoadedApi>
{
    public const string Name = "API over a loaded store";
}
