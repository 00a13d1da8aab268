using HubAspire.Benchmarks.Etl;
using HubAspire.Testing.FileSystem;
using HubAspire.Testing.Postgres;

namespace HubAspire.Benchmarks.Api;

/// <summary>
/// The full-scale store served by the real API, as the api and web commands measure it: the real
/// generator's dataset (scale 1, in a temp directory) loaded by the real ETL into a throwaway
/// PostgreSQL, and the API executable reading it. Disposing stops the API and PostgreSQL and
/// deletes the dataset.
/// </summary>
public sealed class ServedStore : IAsyncDisposable
{
    private readonly TempDirectory directory = new("hubaspire-bench-");
    private TestPostgresServer? server;

    public ApiProcess Api { get; private set; } = null!;

    /// <param name="client">Polls the API until it serves the run.</param>
    public static async Task<ServedStore> StartAsync(HttpClient client, CancellationToken cancellationToken)
    {
        var store = new ServedStore();
        try
        {
            var generated = await GeneratorRun.ExecuteAsync(1.0, store.directory.Path, cancellationToken);
            Console.WriteLine($"dataset: {generated.Rows:N0} rows (scale 1) generated in {generated.WallSeconds:F1} s in {store.directory.Path}");

            store.server = await TestPostgresServer.StartAsync(backend: null, cancellationToken);
            Console.WriteLine($"PostgreSQL: {store.server.Backend} backend ({store.server.SelectionReason})");
            var etl = await EtlBenchmark.RunEtlAsync(EtlRun.BuiltAssembly, store.server, store.directory.Path, generated.Rows, noProcessed: true, cancellationToken);
            Console.WriteLine($"store: run {etl.RunId} loaded by the real ETL");

            store.Api = await ApiProcess.StartAsync(etl.ConnectionString, client, cancellationToken);
            Console.WriteLine($"API: process {store.Api.ProcessId} serving {store.Api.BaseAddress} (ready: /health and /api/meta answer 200)");
            return store;
        }
        catch
        {
            await store.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (Api is not null)
            {
                await Api.DisposeAsync();
            }

            if (server is not null)
            {
                await server.DisposeAsync();
            }
        }
        finally
        {
            directory.Dispose();
        }
    }
}
