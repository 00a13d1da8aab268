namespace HubAspire.Core.Schema;

/// <summary>The logical type of a raw column, as DATA.md names it.</summary>
public enum ColumnType
{
    /// <summary>64-bit integer (ids).</summary>
    Int64,

    /// <summary>32-bit integer (counts, codes, 0/1 flags).</summary>
    Int32,

    Double,

    String,

    /// <summary>UTC instant, whole seconds.</summary>
    Timestamp,
}

/// <param name="Name">Exact column name of DATA.md.</param>
/// <param name="Type">Logical type.</param>
/// <param name="IsCategorical">A string drawn from a short value list: stored dictionary-encoded.</param>
public sealed record Column(string Name, ColumnType Type, bool IsCategorical = false);

/// <param name="Name">Entity (and folder) name, e.g. <c>web_analytics</c>.</param>
/// <param name="RowsAtScaleOne">Row count at scale 1.0.</param>
/// <param name="Columns">Columns in file order.</param>
public sealed record EntitySchema(string Name, long RowsAtScaleOne, IReadOnlyList<Column> Columns)
{
    /// <summary>Rows at <paramref name="scale"/>: the scaled count rounded, never fewer than one.</summary>
    public long RowsAt(double scale) => Math.Max(1, (long)Math.Round(RowsAtScaleOne * scale, MidpointRounding.AwayFromZero));

    public Column this[string name] => Columns.FirstOrDefault(c => c.Name == name)
        ?? throw new KeyNotFoundException($"{Name} has no column '{name}'.");
}
