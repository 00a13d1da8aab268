using HubAspire.Core.Aggregations;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests.Support;

/// <summary>
/// A scale-0.01 dataset (48,500 rows) run through the real ETL into a fresh database, the cubes
/// read back from PostgreSQL, and the same rows read independently with DuckDB.
/// </summary>
public sealed class LoadedDatasetFixture(PostgresFixture server) : IAsyncLifetime
{
    public const double Scale = 0.01;

    private readonly TempDirectory _directory = new();

    public string DataDirectory => _directory.Path;

    public string ConnectionString { get; private set; } = "";

    public long RunId { get; private set; }

    public IReadOnlyList<CubeCells> Cubes { get; private set; } = [];

    public RawRows Raw { get; private set; } = null!;

    public CubeCells Cube(CubeDefinition definition) => Cubes.Single(c => c.Definition == definition);

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        ConnectionString = await (await server.GetServerAsync(cancellationToken)).CreateDatabaseAsync("etl_loaded", cancellationToken);
        await RealPipeline.GenerateAsync(DataDirectory, Scale);
        RunId = (await RealPipeline.RunEtlAsync(DataDirectory, ConnectionString)).RunId;
        Cubes = await EtlHarness.CubesAsync(ConnectionString, RunId);
        Raw = RawRows.Read(_directory.Raw);
    }

    public ValueTask DisposeAsync()
    {
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
