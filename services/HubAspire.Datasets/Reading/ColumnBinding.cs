using Parquet.Meta;
using Parquet.Schema;

namespace HubAspire.Datasets.Reading;

/// <summary>The .NET element type Parquet.Net decodes a column into, which decides how it is widened.</summary>
internal enum StoredAs
{
    Boolean,
    SByte,
    Byte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    Single,
    Double,
    /// <summary>Any timestamp Parquet.Net decodes to <see cref="System.DateTime"/> (e.g. legacy INT96).</summary>
    DateTime,

    /// <summary>An INT64 TIMESTAMP read as its raw count of <see cref="ColumnBinding.UnitsPerSecond"/>.</summary>
    TimestampUnits,

    String,
}

/// <summary>
/// A request resolved against one file's schema: the file's field, the element type to decode
/// into, and whether nulls are possible. Resolving is where missing columns and incompatible
/// types are reported.
/// </summary>
internal sealed class ColumnBinding
{
    private ColumnBinding(ColumnRequest request, DataField field, StoredAs storedAs, long unitsPerSecond = 0)
    {
        Request = request;
        Field = field;
        StoredAs = storedAs;
        UnitsPerSecond = unitsPerSecond;
    }

    public ColumnRequest Request { get; }

    /// <summary>The field handed to Parquet.Net: the file's own, or a stand-in of the raw physical type (same path and levels).</summary>
    public DataField Field { get; }

    /// <summary>For <see cref="StoredAs.TimestampUnits"/>: 1,000, 1,000,000 or 1,000,000,000.</summary>
    public long UnitsPerSecond { get; }

    public StoredAs StoredAs { get; }

    /// <summary>OPTIONAL column: definition levels are read and any null is an error.</summary>
    public bool IsNullable => Field.MaxDefinitionLevel > 0;

    public static string Expected(ReadAs readAs) => readAs switch
    {
        ReadAs.Int64 => "an integer (INT32 or INT64 of 8 to 64 bits) or BOOLEAN",
        ReadAs.Double => "a number (DOUBLE, FLOAT or an integer)",
        ReadAs.TimestampSeconds => "a timestamp (INT64 TIMESTAMP in ms, µs or ns)",
        ReadAs.Categorical => "a string (BYTE_ARRAY UTF8)",
        _ => throw new ArgumentOutOfRangeException(nameof(readAs), readAs, null),
    };

    public static ColumnBinding Resolve(string filePath, ParquetSchema schema, ColumnRequest request)
    {
        var field = schema.Fields.FirstOrDefault(f => string.Equals(f.Name, request.Name, StringComparison.Ordinal))
            ?? throw new ParquetSchemaException(filePath, request.Name, Expected(request.As), actualType: null);

        if (field is not DataField data || data.MaxRepetitionLevel > 0)
        {
            throw Incompatible(filePath, request, field);
        }

        var storedAs = Classify(data);
        var accepted = storedAs is { } s && request.As switch
        {
            ReadAs.Int64 => s is StoredAs.Boolean or StoredAs.SByte or StoredAs.Byte or StoredAs.Int16 or StoredAs.UInt16
                or StoredAs.Int32 or StoredAs.UInt32 or StoredAs.Int64,
            ReadAs.Double => s is StoredAs.SByte or StoredAs.Byte or StoredAs.Int16 or StoredAs.UInt16
                or StoredAs.Int32 or StoredAs.UInt32 or StoredAs.Int64 or StoredAs.Single or StoredAs.Double,
            ReadAs.TimestampSeconds => s is StoredAs.DateTime,
            ReadAs.Categorical => s is StoredAs.String,
            _ => false,
        };

        if (!accepted)
        {
            throw Incompatible(filePath, request, field);
        }

        if (storedAs == StoredAs.DateTime && RawTimestampUnitsPerSecond(data) is { } unitsPerSecond)
        {
            // Read the raw INT64 and divide, rather than let Parquet.Net build a DateTime per row
            // (measured: 9.2 instead of 11.5 ms per million rows, most of either being Snappy).
            // The library finds the chunk by the field's path and decodes by the element type
            // asked for, so a stand-in long field with the same path and nullability reads the
            // file's own pages and encodings unchanged.
            var raw = new DataField<long>(data.Name, data.IsNullable);
            _ = new ParquetSchema(raw);
            return new ColumnBinding(request, raw, StoredAs.TimestampUnits, unitsPerSecond);
        }

        return new ColumnBinding(request, data, storedAs!.Value);
    }

    private static long? RawTimestampUnitsPerSecond(DataField field)
    {
        var element = field.SchemaElement;
        if (element?.Type != global::Parquet.Meta.Type.INT64)
        {
            return null;
        }

        if (element.LogicalType?.TIMESTAMP is { } timestamp)
        {
            return timestamp.Unit.MILLIS is not null ? 1_000
                : timestamp.Unit.MICROS is not null ? 1_000_000
                : timestamp.Unit.NANOS is not null ? 1_000_000_000
                : null;
        }

        return element.ConvertedType switch
        {
            ConvertedType.TIMESTAMP_MILLIS => 1_000,
            ConvertedType.TIMESTAMP_MICROS => 1_000_000,
            _ => null,
        };
    }

    private static ParquetSchemaException Incompatible(string filePath, ColumnRequest request, Field field) =>
        new(filePath, request.Name, Expected(request.As), Describe(field));

    /// <summary>
    /// The element type for the column, or null when it is none we widen from. Integer-shaped
    /// logical types that are not plain integers (TIME, DECIMAL, DATE) are deliberately excluded.
    /// </summary>
    private static StoredAs? Classify(DataField field)
    {
        var element = field.SchemaElement;
        var logical = element?.LogicalType;
        if (logical?.TIME is not null || logical?.DECIMAL is not null || logical?.DATE is not null
            || element?.ConvertedType is ConvertedType.TIME_MILLIS or ConvertedType.TIME_MICROS or ConvertedType.DECIMAL or ConvertedType.DATE)
        {
            return null;
        }

        var type = field.ClrType;
        return type == typeof(bool) ? StoredAs.Boolean
            : type == typeof(sbyte) ? StoredAs.SByte
            : type == typeof(byte) ? StoredAs.Byte
            : type == typeof(short) ? StoredAs.Int16
            : type == typeof(ushort) ? StoredAs.UInt16
            : type == typeof(int) ? StoredAs.Int32
            : type == typeof(uint) ? StoredAs.UInt32
            : type == typeof(long) ? StoredAs.Int64
            : type == typeof(float) ? StoredAs.Single
            : type == typeof(double) ? StoredAs.Double
            : type == typeof(DateTime) ? StoredAs.DateTime
            : type == typeof(ReadOnlyMemory<char>) || type == typeof(string) ? StoredAs.String
            : null;
    }

    /// <summary>The column's type as the file states it, e.g. <c>INT32 (INT(16, signed))</c> or <c>BYTE_ARRAY (STRING)</c>.</summary>
    internal static string Describe(Field field)
    {
        if (field is not DataField data)
        {
            return $"a nested {field.SchemaType.ToString().ToUpperInvariant()} column";
        }

        var element = data.SchemaElement;
        var physical = element?.Type?.ToString() ?? data.ClrType.Name;
        var logical = element is null ? null : DescribeLogical(element);
        var text = logical is null ? physical : $"{physical} ({logical})";
        return data.MaxRepetitionLevel > 0 ? $"a repeated {text}" : text;
    }

    private static string? DescribeLogical(SchemaElement element)
    {
        var logical = element.LogicalType;
        if (logical is not null)
        {
            if (logical.STRING is not null) return "STRING";
            if (logical.ENUM is not null) return "ENUM";
            if (logical.INTEGER is { } integer) return $"INT({integer.BitWidth}, {(integer.IsSigned ? "signed" : "unsigned")})";
            if (logical.TIMESTAMP is { } timestamp) return $"TIMESTAMP({Unit(timestamp.Unit)}{(timestamp.IsAdjustedToUTC ? ", UTC" : "")})";
            if (logical.TIME is { } time) return $"TIME({Unit(time.Unit)})";
            if (logical.DATE is not null) return "DATE";
            if (logical.DECIMAL is { } dec) return $"DECIMAL({dec.Precision}, {dec.Scale})";
            if (logical.UUID is not null) return "UUID";
            if (logical.JSON is not null) return "JSON";
            if (logical.FLOAT16 is not null) return "FLOAT16";
        }

        return element.ConvertedType?.ToString();
    }

    private static string Unit(TimeUnit unit) =>
        unit.MILLIS is not null ? "MILLIS" : unit.MICROS is not null ? "MICROS" : unit.NANOS is not null ? "NANOS" : "?";
}
