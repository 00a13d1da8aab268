using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Tests.Support;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests.Processed.Support;

/// <summary>The <see cref="EdgeDataset"/> run through the real ETL; raw and processed open in DuckDB.</summary>
public sealed class EdgeDatasetFixture(PostgresFixture server) : IAsyncLifetime
{
    private readonly TempDirectory _directory = new();

    public DatasetManifest Manifest { get; private set; } = null!;

    public EtlResult Run { get; private set; } = null!;

    public ProcessedDb Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync("etl_processed_edges", TestContext.Current.CancellationToken);
        Manifest = EdgeDataset.Write(_directory.Path);
        Run = await ProcessedEtl.RunAsync(_directory.Path, connectionString);
        Db = new ProcessedDb(_directory.Path);
    }

    public ValueTask DisposeAsync()
    {
        Db?.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
