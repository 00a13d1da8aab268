using HubAspire.Store.Schema;
using Npgsql;
using NpgsqlTypes;

namespace HubAspire.Store.Runs;

/// <summary>The writes to the runs table, as plain SQL: a run is started, then completed or failed.</summary>
internal static class RunCommands
{
    private static readonly string[] InsertedColumns =
    [
        RunsTable.Status, RunsTable.ManifestPath, RunsTable.Seed, RunsTable.Scale, RunsTable.GeneratorVersion, RunsTable.ManifestCreatedAt,
        RunsTable.TotalRows, RunsTable.StartedAt, RunsTable.TraceId, RunsTable.GeneratorTraceParent,
    ];

    private static readonly string Insert =
        $"INSERT INTO {RunsTable.Name} ({string.Join(", ", InsertedColumns)}) " +
        $"VALUES ({string.Join(", ", InsertedColumns.Select((_, i) => $"${i + 1}"))}) RETURNING {RunsTable.Id}";

    private static readonly string IsRunning = $"{RunsTable.Status} = {RunsTable.StatusLiteral(RunStatus.Running)}";

    private static readonly string Fail =
        $"UPDATE {RunsTable.Name} SET {RunsTable.Status} = {RunsTable.StatusLiteral(RunStatus.Failed)}, {RunsTable.FinishedAt} = $2, {RunsTable.Error} = $3 " +
        $"WHERE {RunsTable.Id} = $1 AND {IsRunning}";

    private static readonly string LockStatus = $"SELECT {RunsTable.Status} FROM {RunsTable.Name} WHERE {RunsTable.Id} = $1 FOR UPDATE";

    private static readonly string MarkSucceeded =
        $"UPDATE {RunsTable.Name} SET {RunsTable.Status} = {RunsTable.StatusLiteral(RunStatus.Succeeded)}, {RunsTable.FinishedAt} = $2, " +
        $"{RunsTable.RowsPerEntity} = $3, {RunsTable.PhaseDurationsMs} = $4 WHERE {RunsTable.Id} = $1";

    /// <summary>Inserts a running run and returns its id.</summary>
    public static async Task<long> StartAsync(NpgsqlConnection connection, DatasetIdentity dataset, RunTraceIds trace, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, Insert,
            RunsTable.StatusText(RunStatus.Running), dataset.ManifestPath, dataset.Seed, dataset.Scale, dataset.GeneratorVersion,
            dataset.ManifestCreatedAt, dataset.TotalRows, DateTimeOffset.UtcNow, trace.TraceId, trace.GeneratorTraceParent);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Marks the run failed if it is running; false (and no change) otherwise.</summary>
    public static async Task<bool> FailAsync(NpgsqlConnection connection, long runId, string error, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, Fail, runId, DateTimeOffset.UtcNow, error);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    /// <summary>
    /// Inside the completing transaction: takes <see cref="StoreLocks.Completion"/>, then locks
    /// the run's row until commit (a concurrent <see cref="FailAsync"/> waits, then finds it no
    /// longer running). Returns its status, or null when there is no such run.
    /// </summary>
    public static async Task<RunStatus?> LockForCompletionAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        await using (var advisory = Sql.Command(connection, "SELECT pg_advisory_xact_lock($1)", StoreLocks.Completion))
        {
            await advisory.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = Sql.Command(connection, LockStatus, runId);
        return await command.ExecuteScalarAsync(cancellationToken) is string status ? RunsTable.ParseStatus(status) : null;
    }

    /// <summary>Inside the completing transaction, after the cells are loaded: the run becomes succeeded with what it recorded.</summary>
    public static async Task MarkSucceededAsync(
        NpgsqlConnection connection,
        long runId,
        IReadOnlyDictionary<string, long> rowsPerEntity,
        IReadOnlyDictionary<string, TimeSpan> phaseDurations,
        CancellationToken cancellationToken)
    {
        var rows = JsonbDictionary.Serialize(rowsPerEntity);
        var phases = JsonbDictionary.Serialize(phaseDurations.ToDictionary(p => p.Key, p => PhaseDuration.ToMilliseconds(p.Value)));
        await using var command = Sql.Command(connection, MarkSucceeded, runId, DateTimeOffset.UtcNow, Jsonb(rows), Jsonb(phases));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlParameter Jsonb(string json) => new() { Value = json, NpgsqlDbType = NpgsqlDbType.Jsonb };
}
