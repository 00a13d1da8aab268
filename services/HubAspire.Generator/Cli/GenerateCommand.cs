using HubAspire.Cluster;
using HubAspire.Jobs;
using HubAspire.Generator.Generation;
using Microsoft.Extensions.Logging;

namespace HubAspire.Generator.Cli;

/// <summary>Runs one generation and turns every foreseeable failure into one clear line and an exit code.</summary>
public sealed class GenerateCommand(DatasetGenerator generator, ILogger<GenerateCommand> logger) : IJobCommand<GenerationRequest>
{
    public async Task<int> RunAsync(GenerationRequest request, CancellationToken cancellationToken)
    {
        try
        {
            await generator.GenerateAsync(request, cancellationToken);
            return ExitCodes.Succeeded;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Generation cancelled; nothing was published and the previous dataset (if any) is unchanged");
            return ExitCodes.Cancelled;
        }
        catch (ClusterException e)
        {
            logger.LogError("Generation failed: {Reason} Nothing was published and the previous dataset (if any) is unchanged.", EndWithPeriod(e.Message));
            return ExitCodes.Failed;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Cannot write the dataset under {Directory}: {Reason} Choose a writable --out directory with enough free space (about {Megabytes:N0} MB at this scale).",
                request.DataDirectory, EndWithPeriod(e.Message), Math.Ceiling(EstimatedMegabytes(request.Scale)));
            return ExitCodes.Failed;
        }
    }

    /// <summary>Output at scale 1.0 measures about 80 MB; rounded up, growing linearly with scale.</summary>
    private static double EstimatedMegabytes(double scale) => Math.Max(1, 100 * scale);

    private static string EndWithPeriod(string message) => message.TrimEnd().EndsWith('.') ? message.TrimEnd() : message.TrimEnd() + ".";
}
