using System.Diagnostics;
using HubAspire.Cluster.Client;
using HubAspire.Core.Aggregations;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;
using HubAspire.Mapping.Processed;
using HubAspire.Etl.Telemetry;
using HubAspire.Jobs;
using HubAspire.Store;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// One ETL run: the dataset's manifest (read, or described from the original product's layout;
/// see <see cref="DatasetSource"/>) → a run row (running) → cubes (map/reduce), and in the
/// same pass the processed dataset, published whole → one transaction that loads the cells and
/// marks the run succeeded. Any failure marks the run failed with its reason; what the API serves
/// (the latest succeeded run) and the previous processed dataset are untouched.
/// </summary>
public sealed class EtlRunner(ILogger<EtlRunner> logger, FileWorkers? cluster = null)
{
    public async Task<EtlResult> RunAsync(EtlRequest request, CancellationToken cancellationToken)
    {
        var layout = new DatasetLayout(request.DataDirectory);
        var input = await DatasetSource.OpenAsync(layout, cancellationToken);
        var (datasetDirectory, manifestPath, manifest, dataset) = (input.Directory, input.ManifestPath, input.Manifest, input.Identity);
        var rowsPerEntity = manifest.Entities.ToDictionary(e => e.Name, e => e.Rows);

        // Map → reduce over every file, writing the processed dataset in the same pass when given one.
        async Task<IReadOnlyList<CubeCells>> BuildCubesAsync(ProcessedOutput? processed)
        {
            using var progress = new RowProgress(logger, "read", rowsPerEntity, EtlTelemetry.RowsRead);
            return await new CubeBuilder(processed, cluster).BuildAsync(datasetDirectory, manifest, request.Workers, progress, cancellationToken);
        }

        await using var dataSource = NpgsqlDataSource.Create(request.ConnectionString);
        var store = new RunStore(dataSource);
        var clock = Stopwatch.StartNew();
        await store.MigrateAsync(cancellationToken);
        var migrate = clock.Elapsed;

        if (!request.Force && await store.FindSucceededRunForDatasetAsync(dataset, cancellationToken) is { } existing)
        {
            if (request.WriteProcessed && ProcessedManifest.TryRead(layout.ProcessedDirectory)?.IsCurrentFor(manifest, layout.ProcessedDirectory) != true)
            {
                logger.LogInformation("This dataset ({Dataset}, {Rows:N0} rows) is already loaded as run {RunId}; its processed dataset in {Directory} is missing or out of date: writing it",
                    input.Description, manifest.TotalRows, existing.Id, layout.ProcessedDirectory);
                using var span = EtlTelemetry.Source.StartActivity("etl processed");
                using var processed = ProcessedOutput.Create(layout.ProcessedDirectory);
                await BuildCubesAsync(processed);
                Publish(processed, manifest, manifestPath, existing.Id, span);
            }
            else
            {
                logger.LogInformation("This dataset ({Dataset}, {Rows:N0} rows) is already loaded as run {RunId}; nothing to do",
                    input.Description, manifest.TotalRows, existing.Id);
            }

            return new EtlResult(existing.Id, Reused: true, 0, 0);
        }

        // Linked to the generator's run that made the data, whose trace context the manifest carries.
        ActivityLink[] generatorRun = ActivityContext.TryParse(manifest.TraceParent, null, out var generator) ? [new ActivityLink(generator)] : [];
        using var run = EtlTelemetry.Source.StartActivity("etl run", ActivityKind.Internal, parentContext: default, links: generatorRun);
        var runId = await store.StartRunAsync(dataset, new RunTraceIds(run?.TraceId.ToString(), manifest.TraceParent), cancellationToken);
        run?.SetTag("hubaspire.run_id", runId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
        logger.LogInformation("Run {RunId}: reading {Rows:N0} rows ({Dataset}) from {Directory} {Workers}{Processed}",
            runId, manifest.TotalRows, input.Description, datasetDirectory,
            cluster is null ? $"with {request.Workers} worker(s)" : "on the cluster's silos",
            request.WriteProcessed ? $", writing the processed dataset to {layout.ProcessedDirectory} in the same pass" : "");

        try
        {
            clock.Restart();
            using var processed = request.WriteProcessed ? ProcessedOutput.Create(layout.ProcessedDirectory) : null;
            var cubes = await BuildCubesAsync(processed);
            var aggregate = clock.Elapsed;

            // The load's own duration cannot be in the row it commits: it is logged and traced instead.
            var phases = new Dictionary<string, TimeSpan> { ["migrate"] = migrate, ["aggregate"] = aggregate };
            if (processed is not null)
            {
                // Published before the run commits: a succeeded run never sits beside a processed dataset of older raw data.
                phases["processed"] = Publish(processed, manifest, manifestPath, runId, run);
            }

            clock.Restart();
            using (EtlTelemetry.Source.StartActivity("load"))
            {
                var completion = await store.CompleteRunAsync(runId, cubes, rowsPerEntity, phases, cancellationToken);
                logger.LogInformation(
                    "Run {RunId} succeeded: {Rows:N0} rows aggregated in {Aggregate:F2} s ({RowsPerSecond:N0} rows/s), {Cells:N0} cube cells loaded in {Load:F2} s; runs pruned: {Pruned}; peak memory {PeakMegabytes:N0} MB",
                    runId, manifest.TotalRows, aggregate.TotalSeconds, manifest.TotalRows / Math.Max(aggregate.TotalSeconds, 1e-6),
                    completion.Cells, clock.Elapsed.TotalSeconds, completion.PrunedRunIds.Count == 0 ? "none" : string.Join(", ", completion.PrunedRunIds),
                    Process.GetCurrentProcess().PeakWorkingSet64 / 1e6);
                EtlTelemetry.RunDuration.Record((migrate + aggregate + clock.Elapsed).TotalSeconds, new KeyValuePair<string, object?>("status", "succeeded"));
                return new EtlResult(runId, Reused: false, manifest.TotalRows, completion.Cells);
            }
        }
        catch (Exception e)
        {
            var reason = e is OperationCanceledException ? "cancelled" : e.Message;
            // The run is marked failed even when our own token was cancelled: the store call must not be cancelled with it.
            await store.FailRunAsync(runId, reason, CancellationToken.None);
            EtlTelemetry.RunDuration.Record(clock.Elapsed.TotalSeconds, new KeyValuePair<string, object?>("status", "failed"));
            logger.LogError("Run {RunId} failed: {Reason}. The previously served run is unchanged.", runId, reason.TrimEnd('.'));
            throw;
        }
    }

    /// <summary>Publishes the processed dataset; returns its phase duration: the workers' time writing it plus publishing.</summary>
    private TimeSpan Publish(ProcessedOutput processed, DatasetManifest manifest, string manifestPath, long runId, Activity? run)
    {
        var clock = Stopwatch.StartNew();
        ProcessedManifest published;
        using (EtlTelemetry.Source.StartActivity("publish processed"))
        {
            published = processed.Publish(manifest, manifestPath, runId, run?.Id);
        }

        var duration = processed.WritingTime + clock.Elapsed;
        logger.LogInformation(
            "Processed dataset published to {Directory}: {Files} files, {Rows:N0} rows, {Megabytes:N1} MB; deriving and writing took {Seconds:F2} s of the workers' time",
            processed.Directory, published.Entities.Sum(e => e.Files.Count), published.TotalRows, processed.BytesWritten / 1e6, duration.TotalSeconds);
        return duration;
    }
}
