using HubAspire.Etl.Pipeline;
using HubAspire.Etl.Tests.Support;
using HubAspire.Testing.Postgres;

namespace HubAspire.Etl.Tests.Processed.Support;

/// <summary>
/// A scale-0.1 dataset (485,000 rows; web_analytics in two row groups) run through the real ETL,
/// which writes the processed dataset beside it; both open in DuckDB.
/// </summary>
public sealed class ProcessedDatasetFixture(PostgresFixture server) : IAsyncLifetime
{
    public const double Scale = 0.1;

    private readonly TempDirectory _directory = new();

    public string DataDirectory => _directory.Path;

    public EtlResult Run { get; private set; } = null!;

    public ProcessedDb Db { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await server.CreateDatabaseAsync("etl_processed", cancellationToken);
        await RealPipeline.GenerateAsync(DataDirectory, Scale);
        Run = await ProcessedEtl.RunAsync(DataDirectory, connectionString);
        Db = new ProcessedDb(DataDirectory);
    }

    public ValueTask DisposeAsync()
    {
        Db?.Dispose();
        _directory.Dispose();
        return ValueTask.CompletedTask;
    }
}
