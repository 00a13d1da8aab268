using HubAspire.Store.Schema;
using Npgsql;

namespace HubAspire.Store.Runs;

/// <summary>A row of the runs table, selected by plain SQL and reported as a <see cref="RunInfo"/>.</summary>
internal static class RunRow
{
    /// <summary>Every column of the table, for a SELECT list.</summary>
    public static readonly string SelectList = string.Join(", ", RunsTable.Columns);

    /// <summary>The current row of a reader over <see cref="SelectList"/>.</summary>
    public static RunInfo Read(NpgsqlDataReader reader)
    {
        T Get<T>(string column) => reader.GetFieldValue<T>(reader.GetOrdinal(column));
        T? GetOrNull<T>(string column) where T : class => reader.IsDBNull(reader.GetOrdinal(column)) ? null : Get<T>(column);
        DateTimeOffset? GetTimeOrNull(string column) => reader.IsDBNull(reader.GetOrdinal(column)) ? null : Get<DateTimeOffset>(column);

        var rowsPerEntity = GetOrNull<string>(RunsTable.RowsPerEntity);
        var phaseDurationsMs = GetOrNull<string>(RunsTable.PhaseDurationsMs);
        return new RunInfo(
            Get<long>(RunsTable.Id),
            RunsTable.ParseStatus(Get<string>(RunsTable.Status)),
            new DatasetIdentity(
                Get<string>(RunsTable.ManifestPath),
                Get<long>(RunsTable.Seed),
                Get<double>(RunsTable.Scale),
                Get<string>(RunsTable.GeneratorVersion),
                Get<DateTimeOffset>(RunsTable.ManifestCreatedAt),
                Get<long>(RunsTable.TotalRows)),
            Get<DateTimeOffset>(RunsTable.StartedAt),
            GetTimeOrNull(RunsTable.FinishedAt),
            rowsPerEntity is null ? null : JsonbDictionary.Deserialize<long>(rowsPerEntity),
            phaseDurationsMs is null
                ? null
                : JsonbDictionary.Deserialize<double>(phaseDurationsMs).ToDictionary(p => p.Key, p => PhaseDuration.FromMilliseconds(p.Value)),
            GetOrNull<string>(RunsTable.Error),
            new RunTraceIds(GetOrNull<string>(RunsTable.TraceId), GetOrNull<string>(RunsTable.GeneratorTraceParent)));
    }
}
