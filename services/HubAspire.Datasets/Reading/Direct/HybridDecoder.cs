using System.Runtime.CompilerServices;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// Parquet's RLE / bit-packing hybrid encoding (dictionary indices, definition levels): runs of
/// one repeated value and groups of 8 bit-packed values, each behind an LEB128 header.
/// </summary>
internal static class HybridDecoder
{
    /// <summary>Fills <paramref name="output"/> from runs of <paramref name="width"/>-bit values (0–32); returns the bytes read.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static int Decode(ReadOnlySpan<byte> data, int width, Span<int> output)
    {
        if (width is < 0 or > 32)
        {
            throw new InvalidDataException($"a bit width of {width} is not valid for RLE-encoded values");
        }

        var position = 0;
        var filled = 0;
        while (filled < output.Length)
        {
            var header = BitPacking.ReadUleb(data, ref position);
            var count = Math.Min(header >> 1, int.MaxValue); // a larger count is corrupt; clamped so products cannot overflow
            if (count == 0)
            {
                throw new InvalidDataException("an RLE run of no values");
            }

            if ((header & 1) == 0)
            {
                // A repeated value, in the fewest whole bytes that hold the width.
                var bytes = (width + 7) / 8;
                if (bytes > data.Length - position)
                {
                    throw new InvalidDataException("an RLE run runs past the end of its page");
                }

                var value = 0;
                for (var b = 0; b < bytes; b++)
                {
                    value |= data[position + b] << (8 * b);
                }

                position += bytes;
                // A plain loop: Span.Fill<int> may still be unoptimised code this early in a process.
                var end = filled + (int)Math.Min(count, (ulong)(output.Length - filled));
                for (; filled < end; filled++)
                {
                    output[filled] = value;
                }
            }
            else
            {
                // count groups of 8 values; a writer may end the last group early or pad it.
                var length = (long)Math.Min(count * (ulong)width, (ulong)(data.Length - position));
                var take = (int)Math.Min(count * 8, (ulong)(output.Length - filled));
                BitPacking.Unpack(data.Slice(position, (int)length), width, output.Slice(filled, take));
                position += (int)length;
                filled += take;
            }
        }

        return position;
    }
}
