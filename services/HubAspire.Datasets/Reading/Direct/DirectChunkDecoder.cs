using System.Buffers;
using System.Runtime.CompilerServices;
using Microsoft.Win32.SafeHandles;
using Parquet.Meta;
using PhysicalType = Parquet.Meta.Type;

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
    private readonly long _fileLength = RandomAccess.GetLength(file);

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
            using var decoding = new ChunkDecoding(read, binding, meta, target);
            return decoding.Decode(chunk.AsSpan(0, (int)meta.TotalCompressedSize));
        }
        finally
        {
            DecodeBuffers<byte>.Pool.Return(chunk);
        }
    }

    private static DirectTarget? TargetOf(ColumnBinding binding, PhysicalType physical) => (binding.Request.As, binding.StoredAs, physical) switch
    {
        (ReadAs.Int64, StoredAs.Int64, PhysicalType.INT64) => DirectTarget.Longs,
        (ReadAs.Int64, StoredAs.Int32 or StoredAs.UInt32 or StoredAs.Int16 or StoredAs.UInt16 or StoredAs.SByte or StoredAs.Byte, PhysicalType.INT32) => DirectTarget.Longs,
        (ReadAs.TimestampSeconds, StoredAs.TimestampUnits, PhysicalType.INT64) => DirectTarget.Longs,
        (ReadAs.Double, StoredAs.Double, PhysicalType.DOUBLE) => DirectTarget.Doubles,
        (ReadAs.Categorical, StoredAs.String, PhysicalType.BYTE_ARRAY) => DirectTarget.Codes,
        _ => null,
    };

    /// <summary>The chunk's bytes, dictionary page first, in a pooled buffer.</summary>
    private byte[] ReadChunk(RowGroupRead read, ColumnBinding binding, ColumnMetaData meta)
    {
        // Some writers store 0 for "no dictionary page"; the dictionary page, if any, comes first.
        var start = meta.DictionaryPageOffset is long dictionary and > 0 && dictionary < meta.DataPageOffset ? dictionary : meta.DataPageOffset;
        var length = meta.TotalCompressedSize;
        if (start < 0 || length <= 0 || length > int.MaxValue - 64 || start + length > _fileLength)
        {
            throw read.Corrupt($"column '{binding.Request.Name}' claims {length} bytes at offset {start}, outside the file");
        }

        var buffer = DecodeBuffers<byte>.Pool.Rent((int)length);
        var filled = 0;
        while (filled < length)
        {
            var n = RandomAccess.Read(file, buffer.AsSpan(filled, (int)length - filled), start + filled);
            if (n == 0)
            {
                DecodeBuffers<byte>.Pool.Return(buffer);
                throw read.Corrupt($"column '{binding.Request.Name}' ends before its {length} bytes");
            }

            filled += n;
        }

        return buffer;
    }
}
