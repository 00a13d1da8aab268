using HubAspire.Core.Schema;
using HubAspire.Datasets.Parquet;
using HubAspire.Datasets.Reading;

namespace HubAspire.Mapping.Processed;

/// <summary>Copies a row group's raw columns, as read, into a processed batch in the raw schema's types.</summary>
public static class RawColumnCopy
{
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    /// <param name="filePath">The raw file, named when a value does not fit its column's type.</param>
    public static void Copy(EntitySchema raw, RowGroupColumns from, ColumnBatch to, string filePath)
    {
        var rows = from.RowCount;
        to.Count = rows;
        foreach (var column in raw.Columns)
        {
            switch (column.Type)
            {
                case ColumnType.Int64:
                    from.Int64(column.Name).CopyTo(to.Int64(column.Name));
                    break;
                case ColumnType.Int32:
                    Narrow(from.Int64(column.Name), to.Int32(column.Name), column.Name, filePath);
                    break;
                case ColumnType.Double:
                    from.Double(column.Name).CopyTo(to.Double(column.Name));
                    break;
                case ColumnType.String:
                    Strings(from.Categorical(column.Name), to.String(column.Name));
                    break;
                case ColumnType.Timestamp:
                    Timestamps(from.TimestampSeconds(column.Name), to.Timestamp(column.Name));
                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(raw), column.Type, $"Unsupported column type of {raw.Name}.{column.Name}.");
            }
        }
    }

    /// <summary>A foreign file may hold a 32-bit column as INT64 (pandas does): its values must still fit.</summary>
    private static void Narrow(ReadOnlySpan<long> values, int[] target, string column, string filePath)
    {
        for (var i = 0; i < values.Length; i++)
        {
            var value = values[i];
            if (value is < int.MinValue or > int.MaxValue)
            {
                throw new ParquetDataException(filePath,
                    $"Parquet file '{filePath}': column '{column}' holds {value}, which does not fit its 32-bit type in the processed dataset.");
            }

            target[i] = (int)value;
        }
    }

    /// <summary>References the row group's distinct strings; nothing is copied per row.</summary>
    private static void Strings(CategoricalColumn column, StringColumn target)
    {
        var codes = column.Codes;
        var values = column.Values;
        for (var i = 0; i < codes.Length; i++)
        {
            target[i] = values[codes[i]];
        }
    }

    private static void Timestamps(ReadOnlySpan<long> unixSeconds, DateTime[] target)
    {
        for (var i = 0; i < unixSeconds.Length; i++)
        {
            target[i] = new DateTime(UnixEpochTicks + unixSeconds[i] * TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        }
    }
}
