using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;
using Snappier;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>The form <see cref="ChunkDecoding"/> decodes a chunk into.</summary>
internal enum DirectTarget
{
    /// <summary>64-bit integers: INT32 or INT64 values, or a timestamp's units.</summary>
    Longs,
    Doubles,
    /// <summary>A string column's codes, through its dictionary.</summary>
    Codes,
}

/// <summary>One chunk's decoding: its outputs, its dictionary (if any), and how many rows its pages filled so far.</summary>
internal sealed class ChunkDecoding : IDisposable
{
    private readonly RowGroupRead _read;
    private readonly ColumnBinding _binding;
    private readonly CompressionCodec _codec;
    private readonly DirectTarget _target;
    private readonly int _rows;
    private readonly bool _int32;
    private readonly bool _zeroExtend;
    private readonly long[]? _longs;
    private readonly double[]? _doubles;
    private readonly CategoricalColumn? _categorical;
    private int _filled;

    // The dictionary, once its page is read: numbers, or strings.
    private int _entries = -1;
    private long[]? _dictionaryLongs;
    private double[]? _dictionaryDoubles;
    private StringDictionary? _strings;

    public ChunkDecoding(RowGroupRead read, ColumnBinding binding, ColumnMetaData meta, DirectTarget target)
    {
        _read = read;
        _binding = binding;
        _codec = meta.Codec;
        _target = target;
        _rows = read.RowCount;
        _int32 = meta.Type == PhysicalType.INT32;
        _zeroExtend = binding.StoredAs == StoredAs.UInt32;
        switch (target)
        {
            case DirectTarget.Longs:
                _longs = read.Into.LongBuffer(binding.Request);
                break;
            case DirectTarget.Doubles:
                _doubles = read.Into.DoubleBuffer(binding.Request);
                break;
            default:
                _categorical = read.Into.CategoricalFor(binding.Request);
                _categorical.Prepare(_rows);
                break;
        }
    }

    /// <summary>Decodes every page of <paramref name="chunk"/>; false when a page needs another reader.</summary>
    public bool Decode(ReadOnlySpan<byte> chunk)
    {
        var position = 0;
        while (_filled < _rows)
        {
            if (position >= chunk.Length)
            {
                throw Corrupt($"its pages hold {_filled} of the row group's {_rows} values");
            }

            var header = PageHeader.Read(chunk[position..], out var headerLength);
            position += headerLength;
            if (header.CompressedSize > chunk.Length - position)
            {
                throw Corrupt($"a page of {header.CompressedSize} bytes runs past the end of the chunk");
            }

            var body = chunk.Slice(position, header.CompressedSize);
            position += header.CompressedSize;
            var decoded = header.Type switch
            {
                PageType.DICTIONARY_PAGE => ReadDictionary(header, body),
                PageType.DATA_PAGE => ReadDataPage(header, body),
                PageType.DATA_PAGE_V2 => ReadDataPageV2(header, body),
                _ => true, // index pages carry no values
            };
            if (!decoded)
            {
                return false;
            }
        }

        _categorical?.Complete();
        return true;
    }

    public void Dispose()
    {
        Return(_dictionaryLongs);
        Return(_dictionaryDoubles);
        _strings?.Dispose();
    }

    private bool ReadDictionary(PageHeader header, ReadOnlySpan<byte> body)
    {
        if (_entries >= 0 || header.Encoding is not (Encoding.PLAIN or Encoding.PLAIN_DICTIONARY))
        {
            return false;
        }

        byte[]? rented = null;
        try
        {
            var page = Decompress(body, header.UncompressedSize, ref rented);
            var count = header.ValueCount;
            var smallest = _target switch { DirectTarget.Longs => _int32 ? 4 : 8, DirectTarget.Doubles => 8, _ => 4 };
            if ((long)count * smallest > page.Length)
            {
                throw Corrupt($"its dictionary claims {count} entries in {page.Length} bytes");
            }

            switch (_target)
            {
                case DirectTarget.Longs:
                    _dictionaryLongs = DecodeBuffers<long>.Pool.Rent(count);
                    WidenPlain(page, _dictionaryLongs.AsSpan(0, count));
                    break;
                case DirectTarget.Doubles:
                    _dictionaryDoubles = DecodeBuffers<double>.Pool.Rent(count);
                    CopyPlain(page, _dictionaryDoubles.AsSpan(0, count));
                    break;
                default:
                    _strings = StringDictionary.TryRead(page, count) ?? throw Corrupt($"its dictionary of {count} strings is malformed");
                    break;
            }

            _entries = count;
            return true;
        }
        finally
        {
            Return(rented);
        }
    }

    private bool ReadDataPage(PageHeader header, ReadOnlySpan<byte> body)
    {
        byte[]? rented = null;
        try
        {
            var page = Decompress(body, header.UncompressedSize, ref rented);
            var count = ValueCount(header);
            if (_binding.IsNullable)
            {
                // V1 levels: a 4-byte length, then RLE runs of each value's definition level.
                if (header.DefinitionLevelEncoding != Encoding.RLE || page.Length < 4)
                {
                    return false;
                }

                var length = BinaryPrimitives.ReadInt32LittleEndian(page);
                if (length < 0 || length > page.Length - 4)
                {
                    throw Corrupt($"its definition levels claim {length} bytes");
                }

                if (!AllDefined(page.Slice(4, length), count))
                {
                    return false;
                }

                page = page[(4 + length)..];
            }

            return ReadValues(header.Encoding, page, count);
        }
        finally
        {
            Return(rented);
        }
    }

    private bool ReadDataPageV2(PageHeader header, ReadOnlySpan<byte> body)
    {
        // V2 keeps its levels uncompressed in front and counts its nulls in the header.
        var levels = header.DefinitionLevelsLength + header.RepetitionLevelsLength;
        if (header.NullCount > 0 || header.RepetitionLevelsLength > 0 || (!_binding.IsNullable && header.DefinitionLevelsLength > 0))
        {
            return false;
        }

        if (levels > body.Length || levels > header.UncompressedSize)
        {
            throw Corrupt($"its levels claim {levels} of a {body.Length}-byte page");
        }

        byte[]? rented = null;
        try
        {
            var values = body[levels..];
            if (header.IsCompressed)
            {
                values = Decompress(values, header.UncompressedSize - levels, ref rented);
            }

            return ReadValues(header.Encoding, values, ValueCount(header));
        }
        finally
        {
            Return(rented);
        }
    }

    private int ValueCount(PageHeader header) =>
        header.ValueCount <= _rows - _filled
            ? header.ValueCount
            : throw Corrupt($"its pages hold more values than the row group's {_rows} rows");

    private bool AllDefined(ReadOnlySpan<byte> levels, int count)
    {
        var decoded = DecodeBuffers<int>.Pool.Rent(count);
        try
        {
            var span = decoded.AsSpan(0, count);
            HybridDecoder.Decode(levels, BitWidth(_binding.Field.MaxDefinitionLevel), span);
            return !span.ContainsAnyExcept(_binding.Field.MaxDefinitionLevel);
        }
        finally
        {
            DecodeBuffers<int>.Pool.Return(decoded);
        }
    }

    private bool ReadValues(Encoding encoding, ReadOnlySpan<byte> values, int count)
    {
        switch (encoding)
        {
            case Encoding.PLAIN when _target == DirectTarget.Longs:
                WidenPlain(values, _longs.AsSpan(_filled, count));
                break;
            case Encoding.PLAIN when _target == DirectTarget.Doubles:
                CopyPlain(values, _doubles.AsSpan(_filled, count));
                break;
            case Encoding.DELTA_BINARY_PACKED when _target == DirectTarget.Longs:
                ReadDeltas(values, _longs.AsSpan(_filled, count));
                break;
            case Encoding.PLAIN_DICTIONARY or Encoding.RLE_DICTIONARY:
                ReadIndices(values, count);
                break;
            default:
                return false;
        }

        _filled += count;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReadDeltas(ReadOnlySpan<byte> values, Span<long> output)
    {
        var scratch = DecodeBuffers<ulong>.Pool.Rent(1 << 12);
        try
        {
            DeltaDecoder.Decode(values, output, scratch);
        }
        finally
        {
            DecodeBuffers<ulong>.Pool.Return(scratch);
        }

        if (_int32)
        {
            // INT32 deltas wrap at 32 bits: only the low half of each sum is the value.
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = _zeroExtend ? (uint)output[i] : (int)output[i];
            }
        }
    }

    private void ReadIndices(ReadOnlySpan<byte> values, int count)
    {
        if (_entries < 0)
        {
            throw Corrupt("a dictionary-encoded page comes without a dictionary page");
        }

        if (count == 0)
        {
            return;
        }

        if (values.IsEmpty)
        {
            throw Corrupt("a dictionary-encoded page has no bit width");
        }

        var indices = DecodeBuffers<int>.Pool.Rent(count);
        try
        {
            var span = indices.AsSpan(0, count);
            HybridDecoder.Decode(values[1..], values[0], span);
            var entries = (uint)_entries;
            foreach (var index in span)
            {
                if ((uint)index >= entries)
                {
                    throw Corrupt($"a row refers to dictionary entry {index} of {_entries}");
                }
            }

            switch (_target)
            {
                case DirectTarget.Longs:
                    Gather(_dictionaryLongs!, span, _longs.AsSpan(_filled, count));
                    break;
                case DirectTarget.Doubles:
                    Gather(_dictionaryDoubles!, span, _doubles.AsSpan(_filled, count));
                    break;
                default:
                    _strings!.Code(span, _categorical!.CodeBuffer.AsSpan(_filled, count), _categorical.Coder);
                    break;
            }
        }
        finally
        {
            DecodeBuffers<int>.Pool.Return(indices);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Gather<T>(T[] dictionary, ReadOnlySpan<int> indices, Span<T> output)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            output[i] = dictionary[indices[i]];
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void WidenPlain(ReadOnlySpan<byte> values, Span<long> output)
    {
        if (!_int32)
        {
            CopyPlain(values, output);
            return;
        }

        var ints = MemoryMarshal.Cast<byte, int>(Require(values, output.Length * 4L));
        for (var i = 0; i < output.Length; i++)
        {
            output[i] = _zeroExtend ? (uint)ints[i] : ints[i];
        }
    }

    private void CopyPlain<T>(ReadOnlySpan<byte> values, Span<T> output) where T : struct =>
        MemoryMarshal.Cast<byte, T>(Require(values, (long)output.Length * Unsafe.SizeOf<T>()))[..output.Length].CopyTo(output);

    private ReadOnlySpan<byte> Require(ReadOnlySpan<byte> values, long bytes) =>
        bytes <= values.Length ? values[..(int)bytes] : throw Corrupt($"a page holds {values.Length} bytes of values where {bytes} are needed");

    private ReadOnlySpan<byte> Decompress(ReadOnlySpan<byte> body, int uncompressedSize, scoped ref byte[]? rented)
    {
        if (_codec == CompressionCodec.UNCOMPRESSED)
        {
            return body;
        }

        // Snappy expands at most ~21× (3 bytes copy 64), so a larger claim is corrupt, not a reason to allocate.
        var length = Snappy.GetUncompressedLength(body);
        if (length != uncompressedSize || length > (body.Length * 32L) + 64)
        {
            throw Corrupt($"a page decompresses to {length} bytes, not the {uncompressedSize} its header says");
        }

        rented = DecodeBuffers<byte>.Pool.Rent(Math.Max(length, 1));
        var written = Snappy.Decompress(body, rented);
        return written == length ? rented.AsSpan(0, length) : throw Corrupt($"a page decompresses to {written} bytes, not {length}");
    }

    private static int BitWidth(int maxLevel) => 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxLevel);

    private ParquetDataException Corrupt(string detail) => _read.Corrupt($"column '{_binding.Request.Name}': {detail}");

    private static void Return<T>(T[]? array)
    {
        if (array is not null)
        {
            DecodeBuffers<T>.Pool.Return(array);
        }
    }
}
