using HubAspire.Core.Schema;
using Parquet;
using Parquet.Schema;

namespace HubAspire.Datasets.Parquet;

/// <summary>
/// Writes one entity's rows to a Parquet file, one <see cref="ColumnBatch"/> per row group:
/// Snappy pages, dictionary-encoded categorical strings, delta-encoded integers, timestamps as
/// UTC milliseconds, every column required (never null).
/// </summary>
public sealed class ParquetTableWriter : IAsyncDisposable
{
    private readonly ParquetWriter _writer;
    private readonly DataField[] _fields;

    private ParquetTableWriter(ParquetWriter writer, DataField[] fields)
    {
        _writer = writer;
        _fields = fields;
    }

    public static async Task<ParquetTableWriter> CreateAsync(EntitySchema schema, Stream output, CancellationToken cancellationToken)
    {
        var fields = schema.Columns.Select(ToField).ToArray();
        var options = new ParquetOptions
        {
            CompressionMethod = CompressionMethod.Snappy,
            // The library pools its page buffers without limit by default; cap what it keeps
            // idle so memory stays at the working set of a row group or two.
            MaximumSmallPoolFreeBytes = 4 << 20,
            MaximumLargePoolFreeBytes = 16 << 20,
        };
        foreach (var (column, field) in schema.Columns.Zip(fields))
        {
            var hint = column switch
            {
                { Type: ColumnType.String, IsCategorical: true } => EncodingHint.Dictionary,
                // Ids are sequences and counts are small: deltas pack them into a few bits each.
                { Type: ColumnType.Int64 or ColumnType.Int32 } => EncodingHint.DeltaBinaryPacked,
                _ => EncodingHint.Default,
            };
            options.ColumnEncodingHints[field.Path.ToString()] = hint;
        }

        var writer = await ParquetWriter.CreateAsync(new ParquetSchema(fields), output, options, cancellationToken: cancellationToken);
        return new ParquetTableWriter(writer, fields);
    }

    public async Task WriteRowGroupAsync(ColumnBatch batch, CancellationToken cancellationToken)
    {
        using var rowGroup = _writer.CreateRowGroup();
        var count = batch.Count;
        for (var i = 0; i < _fields.Length; i++)
        {
            var field = _fields[i];
            switch (batch[i])
            {
                case long[] values:
                    await rowGroup.WriteAsync<long>(field, values.AsMemory(0, count), cancellationToken: cancellationToken);
                    break;
                case int[] values:
                    await rowGroup.WriteAsync<int>(field, values.AsMemory(0, count), cancellationToken: cancellationToken);
                    break;
                case double[] values:
                    await rowGroup.WriteAsync<double>(field, values.AsMemory(0, count), cancellationToken: cancellationToken);
                    break;
                case DateTime[] values:
                    await rowGroup.WriteAsync<DateTime>(field, values.AsMemory(0, count), cancellationToken: cancellationToken);
                    break;
                case StringColumn values:
                    await rowGroup.WriteAsync(field, values.Values(count), cancellationToken: cancellationToken);
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported column array {batch[i].GetType()}.");
            }
        }

        rowGroup.CompleteValidate();
    }

    public ValueTask DisposeAsync() => _writer.DisposeAsync();

    private static DataField ToField(Column column) => column.Type switch
    {
        ColumnType.Int64 => new DataField<long>(column.Name, false),
        ColumnType.Int32 => new DataField<int>(column.Name, false),
        ColumnType.Double => new DataField<double>(column.Name, false),
        ColumnType.String => new DataField<string>(column.Name, false),
        ColumnType.Timestamp => new DateTimeDataField(column.Name, DateTimeFormat.Timestamp, isAdjustedToUTC: true,
            unit: DateTimeTimeUnit.Millis, isNullable: false),
        _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
    };
}
