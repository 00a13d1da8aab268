using System.Diagnostics;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;
using HubAspire.Etl.Telemetry;
using HubAspire.Store;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HubAspire.Etl.Pipeline;

/// <summary>
/// One ETL run: the dataset's manifest → a run row (running) → cubes (map/reduce) → one
/// transaction that loads the cells and marks the run succeeded. Any failure marks the run
/// failed with its reason; what the API serves (the latest succeeded run) is untouched.
/// </summary>
public sealed class EtlRunner(ILogger<EtlRunner> logger)
{
    public async Task<EtlResult> RunAsync(EtlRequest request, CancellationToken cancellationToken)
    {
        var datasetDirectory = new DatasetLayout(request.DataDirectory).RawDirectory;
        var manifest = DatasetManifest.TryRead(datasetDirectory)
            ?? throw new EtlException($"No dataset in {datasetDirectory}: its manifest ({DatasetLayout.ManifestFileName}) is missing. Run the generator first (dotnet run --project services/HubAspire.Generator).");
        var dataset = new DatasetIdentity(DatasetLayout.ManifestPath(datasetDirectory), manifest.Seed, manifest.Scale,
            manifest.GeneratorVersion, manifest.CreatedAt, manifest.TotalRows);

        await using var dataSource = NpgsqlDataSource.Create(request.ConnectionString);
        var store = new RunStore(dataSource);
        var clock = Stopwatch.StartNew();
        await store.MigrateAsync(cancellationToken);
        var migrate = clock.Elapsed;

        if (await store.FindSucceededRunForDatasetAsync(dataset, cancellationToken) is { } existing)
        {
            logger.LogInformation("This dataset (seed {Seed}, scale {Scale}, {Rows:N0} rows) is already loaded as run {RunId}; nothing to do",
                manifest.Seed, manifest.Scale, manifest.TotalRows, existing.Id);
            return new EtlResult(existing.Id, Reused: true, 0, 0);
        }

        using var span = EtlTelemetry.Source.StartActivity("etl run");
        var runId = await store.StartRunAsync(dataset, new RunTraceIds(span?.TraceId.ToString(), manifest.TraceParent), cancellationToken);
        span?.SetTag("hubaspire.run_id", runId);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["RunId"] = runId });
        logger.LogInformation("Run {RunId}: reading {Rows:N0} rows (seed {Seed}, scale {Scale}) from {Directory} with {Workers} worker(s)",
            runId, manifest.TotalRows, manifest.Seed, manifest.Scale, datasetDirectory, request.Workers);

        try
        {
            var rowsPerEntity = manifest.Entities.ToDictionary(e => e.Name, e => e.Rows);
            using var progress = new ReadProgress(logger, rowsPerEntity);
            clock.Restart();
            var cubes = await new CubeBuilder().BuildAsync(datasetDirectory, manifest, request.Workers, progress, cancellationToken);
            var aggregate = clock.Elapsed;

            clock.Restart();
            using (EtlTelemetry.Source.StartActivity("load"))
            {
                // The load's own duration cannot be in the row it commits: it is logged and traced instead.
                var phases = new Dictionary<string, TimeSpan> { ["migrate"] = migrate, ["aggregate"] = aggregate };
                var completion = await store.CompleteRunAsync(runId, cubes, rowsPerEntity, phases, cancellationToken);
                logger.LogInformation(
                    "Run {RunId} succeeded: {Rows:N0} rows aggregated in {Aggregate:F2} s ({RowsPerSecond:N0} rows/s), {Cells:N0} cube cells loaded in {Load:F2} s; runs pruned: {Pruned}",
                    runId, manifest.TotalRows, aggregate.TotalSeconds, manifest.TotalRows / Math.Max(aggregate.TotalSeconds, 1e-6),
                    completion.Cells, clock.Elapsed.TotalSeconds, completion.PrunedRunIds.Count == 0 ? "none" : string.Join(", ", completion.PrunedRunIds));
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
            logger.LogError("Run {RunId} failed: {Reason}. The previously served run is unchanged.", runId, reason);
            throw;
        }
    }
}
