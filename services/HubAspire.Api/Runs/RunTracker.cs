using HubAspire.Api.Extensions;
using HubAspire.Api.Telemetry;
using HubAspire.Store;
using Microsoft.Extensions.Options;
using Npgsql;

namespace HubAspire.Api.Runs;

/// <summary>
/// Knows which run to serve. The store is asked for the latest succeeded run at most once per
/// <see cref="ApiOptions.RunCheckInterval"/>: the request that finds the answer stale asks (its
/// trace shows the query), requests meanwhile keep the previous answer, and only a newer run id
/// loads cells. So a new run, an outage and a recovery all show within about one interval,
/// and a cached response costs no database round trip.
/// </summary>
public sealed class RunTracker(RunStore store, NpgsqlDataSource dataSource, TimeProvider time, IOptions<ApiOptions> options, ILogger<RunTracker> logger)
{
    private readonly Lock gate = new();
    private readonly ApiOptions settings = options.Value;
    private RunState? state;
    private long checkedAt;
    private Task<RunState>? checking;

    /// <summary>The current state, asking the store first when the last answer is older than the interval.</summary>
    public ValueTask<RunState> CurrentAsync()
    {
        lock (gate)
        {
            if (state is not null && (IsFresh() || checking is not null))
            {
                return ValueTask.FromResult(state);
            }

            checking ??= CheckAsync(state);
            return new ValueTask<RunState>(checking);
        }
    }

    private bool IsFresh() => time.GetElapsedTime(checkedAt) < settings.RunCheckInterval;

    private async Task<RunState> CheckAsync(RunState? previous)
    {
        // Off the lock: the store is called after the first await.
        await Task.Yield();
        try
        {
            var next = await ReadAsync(previous?.Run);
            lock (gate)
            {
                state = next;
                checkedAt = time.GetTimestamp();
            }

            LogChange(previous, next);
            return next;
        }
        finally
        {
            lock (gate)
            {
                checking = null;
            }
        }
    }

    private async Task<RunState> ReadAsync(ServedRun? served)
    {
        using var activity = ApiTelemetry.Source.StartActivity("check latest run");
        using var timeout = new CancellationTokenSource(settings.RunCheckTimeout, time);
        try
        {
            var latest = await store.LatestSucceededRunAsync(timeout.Token);
            activity?.SetTag("hubaspire.run_id", latest?.Id);
            if (latest is null)
            {
                return RunState.NoRunYet;
            }

            if (served?.Id == latest.Id)
            {
                return RunState.Serving(served);
            }

            // One snapshot: the newest run and its cells, even if it is newer still than `latest`.
            var read = await store.ReadLatestSucceededAsync(timeout.Token);
            return read is null ? RunState.NoRunYet : RunState.Serving(new ServedRun(read.Run, read.Cubes, settings.MaxCachedResponses));
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // The ETL creates the schema before its first run.
            return RunState.NoRunYet;
        }
        catch (Exception e) when (IsUnavailable(e, timeout.Token))
        {
            // Pooled connections to a server that went away are dead; do not hand them out again.
            dataSource.Clear();
            return RunState.Unavailable(e is OperationCanceledException ? $"no answer within {settings.RunCheckTimeout.TotalSeconds:0.#} s" : e.Message);
        }
    }

    private static bool IsUnavailable(Exception e, CancellationToken timeout) => e switch
    {
        PostgresUnreachableException or NpgsqlException or TimeoutException => true,
        InvalidOperationException { InnerException: NpgsqlException or TimeoutException } => true,
        OperationCanceledException => timeout.IsCancellationRequested,
        _ => false,
    };

    private void LogChange(RunState? previous, RunState next)
    {
        if (previous?.Availability == next.Availability && previous.Run?.Id == next.Run?.Id && previous.Reason == next.Reason)
        {
            return;
        }

        switch (next.Availability)
        {
            case RunAvailability.Serving:
                logger.LogInformation("Serving run {RunId} (finished {Finished:u}, {Rows:N0} rows)",
                    next.Run!.Id, next.Run.Info.FinishedAt, next.Run.Info.Dataset.TotalRows);
                break;
            case RunAvailability.NoRunYet:
                logger.LogInformation("No ETL run has succeeded yet: answering 503 until one does");
                break;
            default:
                logger.LogWarning("The aggregate store is unavailable ({Reason}): answering 503 until it is back", next.Reason);
                break;
        }
    }
}
