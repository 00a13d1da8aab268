using HubAspire.Core.Schema;
using HubAspire.Mapping.Entities;

namespace HubAspire.Mapping.Processed;

/// <summary>
/// The processed dataset (ETL.md): <c>processed/&lt;entity&gt;/part-NNNNN.parquet</c>, one file per
/// raw file with the same row groups, each row the raw row (<see cref="CrmSchema"/>'s columns,
/// names and types unchanged) followed by the entity's derived columns. Physical types, as the
/// raw files': flags are INT32 0/1 (as the raw <c>bounce</c>), other integers INT32, amounts and
/// scores DOUBLE, labels (tiers, grades, buckets, months, quarters, day names) dictionary-encoded
/// UTF8 strings, timestamps INT64 TIMESTAMP(MILLIS, UTC).
/// </summary>
public static class ProcessedSchema
{
    /// <summary>Version of the derived columns; bump it when one changes. The raw columns follow <see cref="CrmSchema.Version"/>.</summary>
    public const int Version = 1;

    /// <summary>In <see cref="EntityMaps.All"/> order.</summary>
    public static readonly IReadOnlyList<ProcessedTable> Tables = [.. EntityMaps.All.Select(entity => new ProcessedTable(entity))];

    public static ProcessedTable Get(string entity) => Tables.FirstOrDefault(t => t.Name == entity)
        ?? throw new KeyNotFoundException($"The processed dataset has no entity '{entity}'.");
}
