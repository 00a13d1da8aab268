using HubAspire.Etl.Pipeline;
using HubAspire.Generator.Generation;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HubAspire.Testing.Pipelines;

/// <summary>The real generator and ETL, in-process: the data the API and the dashboard serve in tests is made the way production makes it.</summary>
public static class RealPipeline
{
    /// <summary>Writes a real dataset with the generator (over any existing one).</summary>
    public static Task GenerateAsync(string dataDirectory, double scale, long seed = 42) =>
        new DatasetGenerator(NullLogger<DatasetGenerator>.Instance)
            .GenerateAsync(new GenerationRequest(dataDirectory, scale, seed, Force: true, Workers: 2), TestContext.Current.CancellationToken);

    /// <summary>Runs the real ETL over the dataset in <paramref name="dataDirectory"/>.</summary>
    public static Task<EtlResult> RunEtlAsync(string dataDirectory, string connectionString, int workers = 2, bool force = false) =>
        new EtlRunner(NullLogger<EtlRunner>.Instance)
            .RunAsync(new EtlRequest(dataDirectory, connectionString, workers, Force: force), TestContext.Current.CancellationToken);
}
