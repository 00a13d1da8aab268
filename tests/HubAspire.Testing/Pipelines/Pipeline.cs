using HubAspire.Etl.Pipeline;
using HubAspire.Generator.Generation;
using Microsoft.Extensions.Logging.Abstractions;
using Xunit;

namespace HubAspire.Testing.Pipelines;

/// <summary>The real generator and ETL, in-process: the data the API and the dashboard serve in tests is made the way production makes it.</summary>
public static class Pipeline
{
    public static Task GenerateAsync(string dataDirectory, double scale, long seed) =>
        new DatasetGenerator(NullLogger<DatasetGenerator>.Instance)
            .GenerateAsync(new GenerationRequest(dataDirectory, scale, seed, Force: true, Workers: 2), TestContext.Current.CancellationToken);

    /// <returns>The run id.</returns>
    public static async Task<long> RunEtlAsync(string dataDirectory, string connectionString) =>
        (await new EtlRunner(NullLogger<EtlRunner>.Instance)
            .RunAsync(new EtlRequest(dataDirectory, connectionString, Workers: 2), TestContext.Current.CancellationToken)).RunId;
}
