using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Etl.Processed.Derivations;

/// <summary>
/// One entity's engineered columns of ETL.md: their names and physical types, and how a row
/// group's values are derived from its raw columns. Every rule is called from
/// <see cref="Core.Features.EntityFeatures"/> or <see cref="Core.Features.TimeFeatures"/>; what
/// lives here is only which rule feeds which column. One subclass per entity.
/// </summary>
public abstract class EntityDerivation
{
    /// <summary>The raw table the columns are derived from.</summary>
    public abstract EntitySchema Raw { get; }

    /// <summary>The derived columns, in ETL.md's order; they follow the raw columns in the processed table.</summary>
    public abstract IReadOnlyList<Column> Derived { get; }

    /// <summary>
    /// Fills the derived columns of <paramref name="batch"/> for the <paramref name="raw"/> row group.
    /// <paramref name="batch"/>'s raw columns are already filled (timestamps as UTC <see cref="DateTime"/>).
    /// </summary>
    public abstract void Derive(RowGroupColumns raw, ColumnBatch batch);

    /// <summary>A flag stored as INT32 0/1, like the raw <c>bounce</c> and <c>conversion</c>.</summary>
    protected static Column Flag(string name) => new(name, ColumnType.Int32);

    protected static Column Integer(string name) => new(name, ColumnType.Int32);

    protected static Column Real(string name) => new(name, ColumnType.Double);

    /// <summary>A label from a short list (a tier, a month): dictionary-encoded.</summary>
    protected static Column Label(string name) => new(name, ColumnType.String, IsCategorical: true);

    protected static int ToFlag(bool value) => value ? 1 : 0;

    /// <summary>The calendar features of <paramref name="column"/>, the entity's timestamp.</summary>
    protected static CalendarColumns Calendar(RowGroupColumns raw, ColumnBatch batch, string column) =>
        new(raw.TimestampSeconds(column), batch.Timestamp(column).AsMemory(0, batch.Count));

    /// <summary>A per-label flag computed once per row group instead of a string test per row.</summary>
    protected static bool[] FlagPerLabel(CategoricalColumn column, Func<string, bool> rule)
    {
        var flags = new bool[column.Values.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = rule(column.Values[i]);
        }

        return flags;
    }
}
