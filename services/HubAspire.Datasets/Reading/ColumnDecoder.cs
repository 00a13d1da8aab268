using System.Numerics;
using System.Runtime.CompilerServices;
using Parquet;
using Parquet.Meta;

namespace HubAspire.Datasets.Reading;

/// <summary>
/// Decodes one column chunk with Parquet.Net's raw reader into a reusable buffer of the file's own
/// element type, then widens it into the requested form in a tight loop.
/// </summary>
internal static class ColumnDecoder
{
    private const long TicksPerSecond = TimeSpan.TicksPerSecond;
    private static readonly long UnixEpochTicks = DateTime.UnixEpoch.Ticks;

    public static ValueTask DecodeAsync(RowGroupRead read, ColumnBinding binding, CancellationToken ct) => binding.Request.As switch
    {
        ReadAs.Int64 => binding.StoredAs switch
        {
            StoredAs.Int64 => ReadRawAsync(read, binding, read.Into.LongBuffer(binding.Request), ct),
            StoredAs.Int32 => IntegersToLongsAsync<int>(read, binding, ct),
            StoredAs.UInt32 => IntegersToLongsAsync<uint>(read, binding, ct),
            StoredAs.Int16 => IntegersToLongsAsync<short>(read, binding, ct),
            StoredAs.UInt16 => IntegersToLongsAsync<ushort>(read, binding, ct),
            StoredAs.SByte => IntegersToLongsAsync<sbyte>(read, binding, ct),
            StoredAs.Byte => IntegersToLongsAsync<byte>(read, binding, ct),
            StoredAs.Boolean => BooleansToLongsAsync(read, binding, ct),
            _ => throw Unreachable(binding),
        },
        ReadAs.Double => binding.StoredAs switch
        {
            StoredAs.Double => ReadRawAsync(read, binding, read.Into.DoubleBuffer(binding.Request), ct),
            StoredAs.Single => NumbersToDoublesAsync<float>(read, binding, ct),
            StoredAs.Int64 => NumbersToDoublesAsync<long>(read, binding, ct),
            StoredAs.Int32 => NumbersToDoublesAsync<int>(read, binding, ct),
            StoredAs.UInt32 => NumbersToDoublesAsync<uint>(read, binding, ct),
            StoredAs.Int16 => NumbersToDoublesAsync<short>(read, binding, ct),
            StoredAs.UInt16 => NumbersToDoublesAsync<ushort>(read, binding, ct),
            StoredAs.SByte => NumbersToDoublesAsync<sbyte>(read, binding, ct),
            StoredAs.Byte => NumbersToDoublesAsync<byte>(read, binding, ct),
            _ => throw Unreachable(binding),
        },
        ReadAs.TimestampSeconds => binding.StoredAs == StoredAs.TimestampUnits
            ? TimestampUnitsToSecondsAsync(read, binding, ct)
            : TimestampsToSecondsAsync(read, binding, ct),
        ReadAs.Categorical => StringsToCodesAsync(read, binding, ct),
        _ => throw Unreachable(binding),
    };

    private static async ValueTask IntegersToLongsAsync<T>(RowGroupRead read, ColumnBinding binding, CancellationToken ct)
        where T : struct, IBinaryInteger<T>
    {
        var values = read.Into.Scratch<T>(read.RowCount);
        await ReadRawAsync(read, binding, values, ct);
        Widen<T>(values.AsSpan(0, read.RowCount), read.Into.LongBuffer(binding.Request));
    }

    private static void Widen<T>(ReadOnlySpan<T> source, Span<long> destination) where T : struct, IBinaryInteger<T>
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = long.CreateTruncating(source[i]);
        }
    }

    private static async ValueTask BooleansToLongsAsync(RowGroupRead read, ColumnBinding binding, CancellationToken ct)
    {
        var values = read.Into.Scratch<bool>(read.RowCount);
        await ReadRawAsync(read, binding, values, ct);
        var source = values.AsSpan(0, read.RowCount);
        var destination = read.Into.LongBuffer(binding.Request).AsSpan(0, source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = source[i] ? 1 : 0;
        }
    }

    private static async ValueTask NumbersToDoublesAsync<T>(RowGroupRead read, ColumnBinding binding, CancellationToken ct)
        where T : struct, INumberBase<T>
    {
        var values = read.Into.Scratch<T>(read.RowCount);
        await ReadRawAsync(read, binding, values, ct);
        ToDoubles<T>(values.AsSpan(0, read.RowCount), read.Into.DoubleBuffer(binding.Request));
    }

    private static void ToDoubles<T>(ReadOnlySpan<T> source, Span<double> destination) where T : struct, INumberBase<T>
    {
        for (var i = 0; i < source.Length; i++)
        {
            destination[i] = double.CreateTruncating(source[i]);
        }
    }

    private static async ValueTask TimestampsToSecondsAsync(RowGroupRead read, ColumnBinding binding, CancellationToken ct)
    {
        var values = read.Into.Scratch<DateTime>(read.RowCount);
        await ReadRawAsync(read, binding, values, ct);
        var source = values.AsSpan(0, read.RowCount);
        var destination = read.Into.LongBuffer(binding.Request).AsSpan(0, source.Length);
        for (var i = 0; i < source.Length; i++)
        {
            // Floor, not truncation, so instants before 1970 land in the right second.
            var ticks = source[i].Ticks - UnixEpochTicks;
            var seconds = ticks / TicksPerSecond;
            destination[i] = ticks % TicksPerSecond < 0 ? seconds - 1 : seconds;
        }
    }

    /// <summary>The last step of a chunk decoded as raw values elsewhere: timestamps' units become seconds.</summary>
    public static void Complete(RowGroupRead read, ColumnBinding binding)
    {
        if (binding.Request.As == ReadAs.TimestampSeconds)
        {
            UnitsToSeconds(read.Into.LongBuffer(binding.Request).AsSpan(0, read.RowCount), binding.UnitsPerSecond);
        }
    }

    private static async ValueTask TimestampUnitsToSecondsAsync(RowGroupRead read, ColumnBinding binding, CancellationToken ct)
    {
        var values = read.Into.LongBuffer(binding.Request);
        await ReadRawAsync(read, binding, values, ct);
        UnitsToSeconds(values.AsSpan(0, read.RowCount), binding.UnitsPerSecond);
    }

    /// <remarks>
    /// One loop per unit, so each divides by a constant: a multiply and shift instead of a 64-bit
    /// division per row (a third of a millisecond timestamp column's reading time).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnitsToSeconds(Span<long> units, long perSecond)
    {
        switch (perSecond)
        {
            case 1_000:
                FloorDivide(units, 1_000);
                break;
            case 1_000_000:
                FloorDivide(units, 1_000_000);
                break;
            case 1_000_000_000:
                FloorDivide(units, 1_000_000_000);
                break;
            default:
                FloorDivide(units, perSecond);
                break;
        }
    }

    /// <summary>Floor, not truncation, so instants before 1970 land in the right second.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization | MethodImplOptions.AggressiveInlining)]
    private static void FloorDivide(Span<long> units, long divisor)
    {
        for (var i = 0; i < units.Length; i++)
        {
            var seconds = units[i] / divisor;
            units[i] = units[i] - (seconds * divisor) < 0 ? seconds - 1 : seconds;
        }
    }

    private static async ValueTask StringsToCodesAsync(RowGroupRead read, ColumnBinding binding, CancellationToken ct)
    {
        var values = read.Into.Scratch<ReadOnlyMemory<char>>(read.RowCount);
        await ReadRawAsync(read, binding, values, ct);
        var column = read.Into.CategoricalFor(binding.Request);
        var codes = column.Prepare(read.RowCount);
        column.Coder.Encode(values.AsSpan(0, read.RowCount), codes, byIdentity: IsDictionaryEncoded(read, binding));
        column.Complete();

        // Let the decoded characters go before the next row group is read.
        Array.Clear(values, 0, read.RowCount);
    }

    private static bool IsDictionaryEncoded(RowGroupRead read, ColumnBinding binding)
    {
        var meta = read.Group.GetMetadata(binding.Field)?.MetaData;
        return meta is not null && (meta.DictionaryPageOffset is not null
            || meta.Encodings.Contains(Encoding.RLE_DICTIONARY) || meta.Encodings.Contains(Encoding.PLAIN_DICTIONARY));
    }

    /// <summary>Reads the column chunk into <paramref name="values"/>; an OPTIONAL column must hold no null.</summary>
    private static async ValueTask ReadRawAsync<T>(RowGroupRead read, ColumnBinding binding, T[] values, CancellationToken ct)
        where T : struct
    {
        var rows = read.RowCount;
        var chunk = read.Group.GetMetadata(binding.Field)?.MetaData
            ?? throw read.Corrupt($"column '{binding.Request.Name}' has no column chunk metadata");
        if (chunk.NumValues != rows)
        {
            throw read.Corrupt($"column '{binding.Request.Name}' holds {chunk.NumValues} values for {rows} rows");
        }

        var levels = binding.IsNullable ? read.Into.DefinitionLevels(rows) : null;
        await read.Group.ReadRawAsync(binding.Field, values.AsMemory(0, rows), levels?.AsMemory(0, rows), null, ct);
        if (levels is not null)
        {
            var firstNull = levels.AsSpan(0, rows).IndexOfAnyExcept(binding.Field.MaxDefinitionLevel);
            if (firstNull >= 0)
            {
                throw new ParquetDataException(read.FilePath,
                    $"Parquet file '{read.FilePath}': column '{binding.Request.Name}' has a null in row group {read.RowGroup} " +
                    $"(row {firstNull} of that row group); the reader accepts no nulls.");
            }
        }
    }

    private static InvalidOperationException Unreachable(ColumnBinding binding) =>
        new($"No conversion from {binding.StoredAs} to {binding.Request.As}; ColumnBinding should have refused it.");
}

/// <summary>What decoding one row group needs: where from, where to, and what to name in errors.</summary>
internal sealed record RowGroupRead(string FilePath, int RowGroup, ParquetRowGroupReader Group, RowGroupColumns Into)
{
    public int RowCount => Into.RowCount;

    public ParquetDataException Corrupt(string detail) =>
        new(FilePath, $"Parquet file '{FilePath}': row group {RowGroup} cannot be read, the file is corrupt ({detail}).");
}
