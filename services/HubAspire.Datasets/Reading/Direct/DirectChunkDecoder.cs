using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;
using Snappier;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// Decodes a column chunk straight from the file's bytes into the requested form, for the
/// layouts that matter for speed: uncompressed or Snappy pages (V1 or V2) of PLAIN,
/// DELTA_BINARY_PACKED or dictionary-encoded INT32, INT64, DOUBLE and string columns with no
/// nulls. A string column becomes codes through its dictionary, one lookup per distinct value,
/// instead of a string per row as a general reader makes. Anything else (another codec or
/// encoding, nulls, booleans, INT96, plain strings) is declined, and the caller reads the chunk
/// with Parquet.Net instead, which also words the errors for nulls.
/// </summary>
/// <remarks>
/// Safe for concurrent use: it keeps no state between chunks, and reads with positional I/O.
/// The per-value loops are compiled optimised from their first call
/// (<see cref="MethodImplOptions.AggressiveOptimization"/>), since a short-lived ETL would
/// otherwise spend its first row groups in unoptimised code.
/// </remarks>
internal sealed class DirectChunkDecoder(SafeFileHandle file)
{
    private enum Target
    {
        Longs,
        Doubles,
        Codes,
    }

    /// <summary>Decodes the chunk of <paramref name="binding"/> in <paramref name="read"/>; false when it must be read another way (nothing written is then meaningful).</summary>
    public bool TryDecode(RowGroupRead read, ColumnBinding binding)
    {
        var meta = read.Group.GetMetadata(binding.Field)?.MetaData;
        if (meta is null || meta.NumValues != read.RowCount || meta.Codec is not (CompressionCodec.UNCOMPRESSED or CompressionCodec.SNAPPY)
            || TargetOf(binding, meta.Type) is not { } target)
        {
            return false;
        }

        var chunk = ReadChunk(read, binding, meta);
        try
        {
            return new ChunkState(read, binding, meta, target).Decode(chunk.AsSpan(0, (int)meta.TotalCompressedSize));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static Target? TargetOf(ColumnBinding binding, PhysicalType physical) => (binding.Request.As, binding.StoredAs, physical) switch
    {
        (ReadAs.Int64, StoredAs.Int64, PhysicalType.INT64) => Target.Longs,
        (ReadAs.Int64, StoredAs.Int32 or StoredAs.UInt32 or StoredAs.Int16 or StoredAs.UInt16 or StoredAs.SByte or StoredAs.Byte, PhysicalType.INT32) => Target.Longs,
        (ReadAs.TimestampSeconds, StoredAs.TimestampUnits, PhysicalType.INT64) => Target.Longs,
        (ReadAs.Double, StoredAs.Double, PhysicalType.DOUBLE) => Target.Doubles,
        (ReadAs.Categorical, StoredAs.String, PhysicalType.BYTE_ARRAY) => Target.Codes,
        _ => null,
    };

    /// <summary>The chunk's bytes, dictionary page first, in a pooled buffer.</summary>
    private byte[] ReadChunk(RowGroupRead read, ColumnBinding binding, ColumnMetaData meta)
    {
        // Some writers store 0 for "no dictionary page"; the dictionary page, if any, comes first.
        var start = meta.DictionaryPageOffset is long dictionary and > 0 && dictionary < meta.DataPageOffset ? dictionary : meta.DataPageOffset;
        var length = meta.TotalCompressedSize;
        if (start < 0 || length <= 0 || length > int.MaxValue - 64 || start + length > RandomAccess.GetLength(file))
        {
            throw read.Corrupt($"column '{binding.Request.Name}' claims {length} bytes at offset {start}, outside the file");
        }

        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        var filled = 0;
        while (filled < length)
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(filled, (int)length - filled), start + filled);
            if (n == 0)
            {
                ArrayPool<byte>.Shared.Return(buffer);
                throw read.Corrupt($"column '{binding.Request.Name}' ends before its {length} bytes");
            }

            filled += n;
        }

        return buffer;
    }

    /// <summary>One chunk's decoding: its outputs, its dictionary (if any), and how many rows its pages filled so far.</summary>
    private sealed class ChunkState : IDisposable
    {
        private readonly RowGroupRead _read;
        private readonly ColumnBinding _binding;
        private readonly CompressionCodec _codec;
        private readonly Target _target;
        private readonly int _rows;
        private readonly bool _int32;
        private readonly bool _zeroExtend;
        private readonly long[]? _longs;
        private readonly double[]? _doubles;
        private readonly CategoricalColumn? _categorical;
        private int _filled;

        // The dictionary: numbers, or for strings the page's bytes and each entry's offset, length
        // and code (−1 until a row uses it, so codes are numbered in order of first appearance).
        private int _entries = -1;
        private long[]? _dictionaryLongs;
        private double[]? _dictionaryDoubles;
        private byte[]? _dictionaryBytes;
        private int[]? _entryOffsets, _entryLengths, _entryCodes;
        private char[]? _chars;

        public ChunkState(RowGroupRead read, ColumnBinding binding, ColumnMetaData meta, Target target)
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
                case Target.Longs:
                    _longs = read.Into.LongBuffer(binding.Request);
                    break;
                case Target.Doubles:
                    _doubles = read.Into.DoubleBuffer(binding.Request);
                    break;
                default:
                    _categorical = read.Into.CategoricalFor(binding.Request);
                    _categorical.Prepare(_rows);
                    break;
            }
        }

        public bool Decode(ReadOnlySpan<byte> chunk)
        {
            using var owned = this;
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
            Return(_dictionaryBytes);
            Return(_entryOffsets);
            Return(_entryLengths);
            Return(_entryCodes);
            Return(_chars);
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
                var smallest = _target switch { Target.Longs => _int32 ? 4 : 8, Target.Doubles => 8, _ => 4 };
                if ((long)count * smallest > page.Length)
                {
                    throw Corrupt($"its dictionary claims {count} entries in {page.Length} bytes");
                }

                switch (_target)
                {
                    case Target.Longs:
                        _dictionaryLongs = ArrayPool<long>.Shared.Rent(count);
                        WidenPlain(page, _dictionaryLongs.AsSpan(0, count));
                        break;
                    case Target.Doubles:
                        _dictionaryDoubles = ArrayPool<double>.Shared.Rent(count);
                        CopyPlain(page, _dictionaryDoubles.AsSpan(0, count));
                        break;
                    default:
                        // The strings stay as bytes; each one is decoded once, when a row first uses it.
                        _dictionaryBytes = ArrayPool<byte>.Shared.Rent(Math.Max(page.Length, 1));
                        page.CopyTo(_dictionaryBytes);
                        IndexEntries(page, count);
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

        private void IndexEntries(ReadOnlySpan<byte> page, int count)
        {
            _entryOffsets = ArrayPool<int>.Shared.Rent(count);
            _entryLengths = ArrayPool<int>.Shared.Rent(count);
            _entryCodes = ArrayPool<int>.Shared.Rent(count);
            _entryCodes.AsSpan(0, count).Fill(-1);
            var position = 0;
            for (var i = 0; i < count; i++)
            {
                if (page.Length - position < 4)
                {
                    throw Corrupt($"its dictionary ends after {i} of {count} strings");
                }

                var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(page[position..]);
                position += 4;
                if (length < 0 || length > page.Length - position)
                {
                    throw Corrupt($"its dictionary's string {i} claims {length} bytes");
                }

                _entryOffsets[i] = position;
                _entryLengths[i] = length;
                position += length;
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

                    var length = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(page);
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
            var decoded = ArrayPool<int>.Shared.Rent(count);
            try
            {
                var span = decoded.AsSpan(0, count);
                HybridDecoder.Decode(levels, BitWidth(_binding.Field.MaxDefinitionLevel), span);
                return !span.ContainsAnyExcept(_binding.Field.MaxDefinitionLevel);
            }
            finally
            {
                ArrayPool<int>.Shared.Return(decoded);
            }
        }

        private bool ReadValues(Encoding encoding, ReadOnlySpan<byte> values, int count)
        {
            switch (encoding)
            {
                case Encoding.PLAIN when _target == Target.Longs:
                    WidenPlain(values, _longs.AsSpan(_filled, count));
                    break;
                case Encoding.PLAIN when _target == Target.Doubles:
                    CopyPlain(values, _doubles.AsSpan(_filled, count));
                    break;
                case Encoding.DELTA_BINARY_PACKED when _target == Target.Longs:
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
            var scratch = ArrayPool<ulong>.Shared.Rent(1 << 12);
            try
            {
                DeltaDecoder.Decode(values, output, scratch);
            }
            finally
            {
                ArrayPool<ulong>.Shared.Return(scratch);
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

            var indices = ArrayPool<int>.Shared.Rent(count);
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
                    case Target.Longs:
                        Gather(_dictionaryLongs!, span, _longs.AsSpan(_filled, count));
                        break;
                    case Target.Doubles:
                        Gather(_dictionaryDoubles!, span, _doubles.AsSpan(_filled, count));
                        break;
                    default:
                        Code(span, _categorical!.CodeBuffer.AsSpan(_filled, count));
                        break;
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(indices);
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
        private void Code(ReadOnlySpan<int> indices, Span<int> codes)
        {
            var entryCodes = _entryCodes!;
            for (var i = 0; i < indices.Length; i++)
            {
                var code = entryCodes[indices[i]];
                codes[i] = code >= 0 ? code : entryCodes[indices[i]] = CodeOf(indices[i]);
            }
        }

        private int CodeOf(int entry)
        {
            var bytes = _dictionaryBytes.AsSpan(_entryOffsets![entry], _entryLengths![entry]);
            var needed = System.Text.Encoding.UTF8.GetMaxCharCount(bytes.Length);
            if (_chars is null || _chars.Length < needed)
            {
                Return(_chars);
                _chars = ArrayPool<char>.Shared.Rent(needed);
            }

            var length = System.Text.Encoding.UTF8.GetChars(bytes, _chars);
            return _categorical!.Coder.CodeOf(_chars.AsSpan(0, length));
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
            MemoryMarshal.Cast<byte, T>(Require(values, (long)output.Length * System.Runtime.CompilerServices.Unsafe.SizeOf<T>()))[..output.Length].CopyTo(output);

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

            rented = ArrayPool<byte>.Shared.Rent(Math.Max(length, 1));
            var written = Snappy.Decompress(body, rented);
            return written == length ? rented.AsSpan(0, length) : throw Corrupt($"a page decompresses to {written} bytes, not {length}");
        }

        private static int BitWidth(int maxLevel) => 32 - System.Numerics.BitOperations.LeadingZeroCount((uint)maxLevel);

        private ParquetDataException Corrupt(string detail) => _read.Corrupt($"column '{_binding.Request.Name}': {detail}");

        private static void Return<T>(T[]? array)
        {
            if (array is not null)
            {
                ArrayPool<T>.Shared.Return(array);
            }
        }
    }
}
