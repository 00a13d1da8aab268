using System.Collections.Concurrent;
using HubAspire.Cluster.Contracts;
using Microsoft.Extensions.Logging;
using Orleans.Runtime.Placement;

namespace HubAspire.Cluster.Client;

/// <summary>
/// Fans files out over the cluster's silos, as many at a time on each silo as it takes (its slots),
/// the largest first (the caller's order), and hands each outcome back as it arrives. A silo that
/// dies takes nothing with it: every file it had not finished goes back in the queue for the
/// others, as soon as the membership lists it as gone rather than when a response times out. A
/// file's own error (<see cref="GeneratedFileOutcome.Error"/>, <see cref="MappedFileOutcome.Error"/>)
/// fails the whole run at once and is not retried.
/// </summary>
public sealed class FileWorkers(IClusterClient client, ILogger<FileWorkers> logger)
{
    /// <summary>How often the membership is asked which silos are alive.</summary>
    private static readonly TimeSpan WatchEvery = TimeSpan.FromMilliseconds(250);

    /// <summary>After a silo's death the grain directory moves for a moment and calls to live silos can fail: retry those.</summary>
    private static readonly TimeSpan RetryAfter = TimeSpan.FromMilliseconds(250);

    /// <summary>A client's call to a silo that died is only failed when its response times out (30 s): never wait that long for the membership.</summary>
    private static readonly TimeSpan MembershipAnswersWithin = TimeSpan.FromSeconds(2);

    private const int AttemptsPerFile = 20;

    /// <summary>How long the work waits for a silo when none is alive before the run fails.</summary>
    public TimeSpan WaitForSilos { get; init; } = TimeSpan.FromSeconds(30);

    public Task GenerateAsync(IReadOnlyList<GenerateFileWork> files, Action<GenerateFileWork, GeneratedFileOutcome> written, CancellationToken cancellationToken) =>
        RunAsync(files, w => w.RelativePath, (worker, w, token) => worker.GenerateAsync(w, token), o => o.Error, written, cancellationToken);

    public Task MapAsync(IReadOnlyList<MapFileWork> files, Action<MapFileWork, MappedFileOutcome> mapped, CancellationToken cancellationToken) =>
        RunAsync(files, w => w.File.Path, (worker, w, token) => worker.MapAsync(w, token), o => o.Error, mapped, cancellationToken);

    private async Task RunAsync<TWork, TOutcome>(
        IReadOnlyList<TWork> files,
        Func<TWork, string> name,
        Func<IFileWorkerGrain, TWork, CancellationToken, Task<TOutcome>> call,
        Func<TOutcome, string?> errorOf,
        Action<TWork, TOutcome> done,
        CancellationToken cancellationToken)
    {
        var run = new Run(files.Count);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var silos = new Dictionary<SiloAddress, Silo>();
        var management = client.GetGrain<IManagementGrain>(0);
        var lastSiloSeen = DateTime.UtcNow;

        async Task LaneAsync(SiloAddress silo, IFileWorkerGrain worker, CancellationToken gone)
        {
            while (!stop.IsCancellationRequested && !gone.IsCancellationRequested && run.Remaining > 0)
            {
                if (!run.Queue.TryDequeue(out var index))
                {
                    // Idle until the last file is done: a file may yet come back from a silo that dies.
                    await Task.Delay(WatchEvery, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                TOutcome outcome;
                try
                {
                    RequestContext.Set(IPlacementDirector.PlacementHintKey, silo);
                    using var either = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, gone);
                    outcome = await call(worker, files[index], stop.Token).WaitAsync(either.Token);
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    return; // the run failed or was cancelled: its outcome is decided elsewhere
                }
                catch (OperationCanceledException) when (gone.IsCancellationRequested)
                {
                    run.Queue.Enqueue(index);
                    logger.LogWarning("Silo {Silo} is gone: {File} goes to another silo", silo, name(files[index]));
                    return;
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    if (run.Retry(index) > AttemptsPerFile)
                    {
                        run.Fail(new ClusterException($"{name(files[index])} could not be run on the cluster after {AttemptsPerFile} attempts: {e.Message}"));
                        stop.Cancel();
                        return;
                    }

                    run.Queue.Enqueue(index);
                    await Task.Delay(RetryAfter, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    continue;
                }

                if (errorOf(outcome) is { } error)
                {
                    run.Fail(new ClusterException(error));
                    stop.Cancel();
                    return;
                }

                done(files[index], outcome);
                run.Complete();
            }
        }

        try
        {
            while (run.Remaining > 0 && !stop.IsCancellationRequested)
            {
                // Unknown when the membership does not answer (say, through a gateway that just died):
                // then no silo is given up on, but the wait for a live one goes on.
                if (await AliveSilosAsync(management, stop.Token) is { Count: > 0 } alive)
                {
                    lastSiloSeen = DateTime.UtcNow;
                    foreach (var silo in silos.Where(s => !alive.Contains(s.Key)).Select(s => s.Value))
                    {
                        await silo.Gone.CancelAsync();
                    }

                    foreach (var address in alive.Where(a => !silos.ContainsKey(a)))
                    {
                        if (await SlotsAsync(address) is { } slots)
                        {
                            var silo = silos[address] = new Silo();
                            silo.Lanes.AddRange(Enumerable.Range(0, slots).Select(lane =>
                                LaneAsync(address, client.GetGrain<IFileWorkerGrain>(WorkerKey.For(address.ToParsableString(), lane)), silo.Gone.Token)));
                            logger.LogInformation("Silo {Silo} takes {Slots} file(s) at a time", address, slots);
                        }
                    }
                }
                else if (DateTime.UtcNow - lastSiloSeen > WaitForSilos && run.Remaining > 0)
                {
                    run.Fail(new ClusterException(
                        $"No silo of the cluster has been alive for {WaitForSilos.TotalSeconds:N0} s, with {run.Remaining} of {files.Count} files left; " +
                        "start the silos again (or run without the cluster) and repeat the run."));
                    break;
                }

                await Task.Delay(WatchEvery, stop.Token).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(silos.Values.SelectMany(s => s.Lanes));
            foreach (var silo in silos.Values)
            {
                silo.Gone.Dispose();
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        run.ThrowIfFailed();

        async Task<int?> SlotsAsync(SiloAddress address)
        {
            try
            {
                RequestContext.Set(IPlacementDirector.PlacementHintKey, address);
                return await client.GetGrain<IFileWorkerGrain>(WorkerKey.For(address.ToParsableString(), 0)).GetSlotsAsync().WaitAsync(stop.Token);
            }
            catch (Exception)
            {
                return null; // dying, not ready yet, or the run is ending: asked again on the next round
            }
        }
    }

    /// <summary>The silos the membership lists as active; null when it does not answer within <see cref="MembershipAnswersWithin"/>.</summary>
    private async Task<HashSet<SiloAddress>?> AliveSilosAsync(IManagementGrain management, CancellationToken cancellationToken)
    {
        try
        {
            return [.. (await management.GetHosts(onlyActive: true, cancellationToken).WaitAsync(MembershipAnswersWithin, cancellationToken)).Keys];
        }
        catch (Exception e)
        {
            logger.LogDebug("The cluster's membership did not answer ({Reason}); asking again", e.Message);
            return null;
        }
    }

    private sealed class Silo
    {
        public CancellationTokenSource Gone { get; } = new();

        public List<Task> Lanes { get; } = [];
    }

    /// <summary>The files left, their attempts and the first failure, shared by every lane.</summary>
    private sealed class Run(int files)
    {
        private readonly ConcurrentDictionary<int, int> _attempts = new();
        private int _remaining = files;
        private ClusterException? _failure;

        public ConcurrentQueue<int> Queue { get; } = new(Enumerable.Range(0, files));

        public int Remaining => Volatile.Read(ref _remaining);

        public void Complete() => Interlocked.Decrement(ref _remaining);

        public int Retry(int file) => _attempts.AddOrUpdate(file, 1, (_, n) => n + 1);

        public void Fail(ClusterException failure) => Interlocked.CompareExchange(ref _failure, failure, null);

        public void ThrowIfFailed()
        {
            if (_failure is not null)
            {
                throw _failure;
            }
        }
    }
}
