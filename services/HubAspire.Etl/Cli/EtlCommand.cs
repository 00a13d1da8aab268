using HubAspire.Cluster;
using HubAspire.Jobs;
using HubAspire.Datasets.Reading;
using HubAspire.Etl.Pipeline;
using HubAspire.Mapping;
using HubAspire.Store;
using Microsoft.Extensions.Logging;

namespace HubAspire.Etl.Cli;

/// <summary>Runs the ETL once and turns every foreseeable failure into one clear line and an exit code.</summary>
public sealed class EtlCommand(EtlRunner runner, ILogger<EtlCommand> logger) : IJobCommand<EtlRequest>
{
    public async Task<int> RunAsync(EtlRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await runner.RunAsync(request, cancellationToken);
            return ExitCodes.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("ETL cancelled; the run is marked failed and the previously served run is unchanged");
            return ExitCodes.Cancelled;
        }
        catch (Exception e) when (e is EtlException or ClusterException or ParquetDataException or ParquetSchemaException or PostgresUnreachableException
                                      or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            logger.LogError("ETL failed: {Reason}", e.Message);
            return ExitCodes.Failed;
        }
    }
}
