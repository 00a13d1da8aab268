using HubAspire.Store.Schema;
using Microsoft.EntityFrameworkCore;

namespace HubAspire.Store.Runs;

/// <summary>
/// Once <c>keep</c> runs have succeeded, keeps the newest <c>keep</c> succeeded runs and the
/// failed or running runs that started after the oldest of those; deletes the rest, their cells
/// with them (the foreign keys cascade). The latest succeeded run is always among the kept. A
/// run still running that started before all the kept ones — <c>keep</c> later runs started and
/// succeeded meanwhile — is taken for the leftover of a killed process; with fewer succeeded runs
/// nothing is deleted, so a slow concurrent run is never mistaken for one.
/// </summary>
internal static class RunPruner
{
    /// <summary>Runs inside the completing transaction, under <see cref="StoreLocks.Completion"/>: no other run can succeed meanwhile.</summary>
    public static async Task<IReadOnlyList<long>> PruneAsync(AggregateStoreContext context, int keep, CancellationToken cancellationToken)
    {
        var kept = await context.Runs.SucceededNewestFirst()
            .Take(keep)
            .Select(r => new { r.Id, r.StartedAt })
            .ToListAsync(cancellationToken);
        if (kept.Count < keep)
        {
            return [];
        }

        var keptIds = kept.Select(k => k.Id).ToList();
        var oldestKeptStart = kept.Min(k => k.StartedAt);
        var pruned = await context.Runs
            .Where(r => !keptIds.Contains(r.Id) && (r.Status == RunStatus.Succeeded || r.StartedAt < oldestKeptStart))
            .Select(r => r.Id)
            .OrderBy(id => id)
            .ToListAsync(cancellationToken);
        if (pruned.Count > 0)
        {
            await context.Runs.Where(r => pruned.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
        }

        return pruned;
    }
}
