using HubAspire.Core.Schema;

namespace HubAspire.Datasets.Parquet;

/// <summary>
/// One row group's worth of an entity's columns, as typed arrays in schema order. Reused from
/// row group to row group so a writer's memory stays at one batch whatever the table size.
/// </summary>
public sealed class ColumnBatch
{
    private readonly object[] _columns;

    public ColumnBatch(EntitySchema schema, int capacity)
    {
        Schema = schema;
        Capacity = capacity;
        _columns = schema.Columns.Select(column => Allocate(column.Type, capacity)).ToArray();
    }

    public EntitySchema Schema { get; }

    public int Capacity { get; }

    /// <summary>Rows filled, from index 0; only these are written.</summary>
    public int Count { get; set; }

    public long[] Int64(string column) => Get<long[]>(column, ColumnType.Int64);

    public int[] Int32(string column) => Get<int[]>(column, ColumnType.Int32);

    public double[] Double(string column) => Get<double[]>(column, ColumnType.Double);

    public StringColumn String(string column) => Get<StringColumn>(column, ColumnType.String);

    public DateTime[] Timestamp(string column) => Get<DateTime[]>(column, ColumnType.Timestamp);

    /// <summary>The column at schema position <paramref name="index"/>: a typed array or a <see cref="StringColumn"/>.</summary>
    public object this[int index] => _columns[index];

    private T Get<T>(string name, ColumnType expected)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            var column = Schema.Columns[i];
            if (column.Name == name)
            {
                return column.Type == expected
                    ? (T)_columns[i]
                    : throw new InvalidOperationException($"{Schema.Name}.{name} is {column.Type}, not {expected}.");
            }
        }

        throw new KeyNotFoundException($"{Schema.Name} has no column '{name}'.");
    }

    private static object Allocate(ColumnType type, int capacity) => type switch
    {
        ColumnType.Int64 => new long[capacity],
        ColumnType.Int32 => new int[capacity],
        ColumnType.Double => new double[capacity],
        ColumnType.String => new StringColumn(capacity),
        ColumnType.Timestamp => new DateTime[capacity],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
