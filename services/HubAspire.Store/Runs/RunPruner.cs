using HubAspire.Store.Schema;
using Npgsql;

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
    private static readonly string Prune =
        $"""
        WITH kept AS (
            SELECT {RunsTable.Id}, {RunsTable.StartedAt} FROM {RunsTable.Name} WHERE {RunQuery.Succeeded} {RunQuery.NewestFirst} LIMIT $1
        )
        DELETE FROM {RunsTable.Name}
        WHERE (SELECT count(*) FROM kept) = $1
            AND {RunsTable.Id} NOT IN (SELECT {RunsTable.Id} FROM kept)
            AND ({RunQuery.Succeeded} OR {RunsTable.StartedAt} < (SELECT min({RunsTable.StartedAt}) FROM kept))
        RETURNING {RunsTable.Id}
        """;

    /// <summary>Runs inside the completing transaction, under <see cref="StoreLocks.Completion"/>: no other run can succeed meanwhile.</summary>
    /// <returns>The deleted runs' ids, ascending.</returns>
    public static async Task<IReadOnlyList<long>> PruneAsync(NpgsqlConnection connection, int keep, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, Prune, (long)keep);
        var pruned = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            pruned.Add(reader.GetInt64(0));
        }

        pruned.Sort();
        return pruned;
    }
}
