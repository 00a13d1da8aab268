using HubAspire.Store.Schema;
using Npgsql;

namespace HubAspire.Store.Runs;

/// <summary>Which run to read: a condition and order on the runs table, with its parameters.</summary>
internal sealed class RunQuery
{
    public static readonly string Succeeded = $"{RunsTable.Status} = {RunsTable.StatusLiteral(RunStatus.Succeeded)}";

    /// <summary>
    /// "Latest" means the last to finish: the run whose commit made it what the API serves. The
    /// id breaks ties, so the order is total.
    /// </summary>
    public static readonly string NewestFirst = $"ORDER BY {RunsTable.FinishedAt} DESC, {RunsTable.Id} DESC";

    private static readonly string DatasetMatches = string.Join(" AND ",
        new[] { RunsTable.ManifestPath, RunsTable.Seed, RunsTable.Scale, RunsTable.GeneratorVersion, RunsTable.ManifestCreatedAt, RunsTable.TotalRows }
            .Select((column, i) => $"{column} = ${i + 1}"));

    private readonly string sql;
    private readonly object?[] parameters;

    private RunQuery(string condition, params object?[] parameters)
    {
        sql = $"SELECT {RunRow.SelectList} FROM {RunsTable.Name} {condition} LIMIT 1";
        this.parameters = parameters;
    }

    public static RunQuery LatestSucceeded { get; } = new($"WHERE {Succeeded} {NewestFirst}");

    public static RunQuery ById(long runId) => new($"WHERE {RunsTable.Id} = $1", runId);

    public static RunQuery LatestSucceededOf(DatasetIdentity dataset) => new(
        $"WHERE {DatasetMatches} AND {Succeeded} {NewestFirst}",
        dataset.ManifestPath, dataset.Seed, dataset.Scale, dataset.GeneratorVersion, dataset.ManifestCreatedAt, dataset.TotalRows);

    /// <summary>The first run the query finds, or null.</summary>
    public async Task<RunInfo?> FirstAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = Sql.Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? RunRow.Read(reader) : null;
    }
}
