using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// Parquet's bit-packed values (least significant bit first), as used by dictionary indices,
/// definition levels and DELTA_BINARY_PACKED miniblocks, and the unsigned LEB128 integers that
/// frame them. Values whose bits lie 8 bytes before the end are read with one unaligned 64-bit
/// load each; the last few go through a bounds-checked path.
/// </summary>
internal static class BitPacking
{
    /// <summary>Unpacks <paramref name="output"/>.Length values of <paramref name="width"/> bits (0–32).</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int width, Span<int> output)
    {
        if (width == 0)
        {
            output.Clear();
            return;
        }

        RequireBits(packed, width, output.Length);
        var mask = width == 32 ? ulong.MaxValue : (1UL << width) - 1;
        var fast = FastCount(packed.Length, width, output.Length);
        ref var start = ref MemoryMarshal.GetReference(packed);
        for (var i = 0; i < fast; i++)
        {
            var bit = (long)i * width;
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, (nint)(bit >> 3)));
            output[i] = (int)((word >> (int)(bit & 7)) & mask);
        }

        for (var i = fast; i < output.Length; i++)
        {
            output[i] = (int)Slow(packed, (long)i * width, width);
        }
    }

    /// <summary>Unpacks <paramref name="output"/>.Length values of <paramref name="width"/> bits (0–64) as unsigned 64-bit integers.</summary>
    public static void Unpack(ReadOnlySpan<byte> packed, int width, Span<ulong> output)
    {
        if (width == 0)
        {
            output.Clear();
            return;
        }

        RequireBits(packed, width, output.Length);
        if (width > 56)
        {
            for (var i = 0; i < output.Length; i++)
            {
                output[i] = Slow(packed, (long)i * width, width);
            }

            return;
        }

        var mask = (1UL << width) - 1;
        var fast = FastCount(packed.Length, width, output.Length);
        ref var start = ref MemoryMarshal.GetReference(packed);
        for (var i = 0; i < fast; i++)
        {
            var bit = (long)i * width;
            var word = Unsafe.ReadUnaligned<ulong>(ref Unsafe.Add(ref start, (nint)(bit >> 3)));
            output[i] = (word >> (int)(bit & 7)) & mask;
        }

        for (var i = fast; i < output.Length; i++)
        {
            output[i] = Slow(packed, (long)i * width, width);
        }
    }

    /// <summary>An unsigned LEB128 integer at <paramref name="position"/>, which moves past it.</summary>
    public static ulong ReadUleb(ReadOnlySpan<byte> data, ref int position)
    {
        ulong result = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            var b = position < data.Length ? data[position++] : throw new InvalidDataException("an encoded integer runs past the end of its page");
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        throw new InvalidDataException("an encoded integer is too long");
    }

    public static long ReadZigZag(ReadOnlySpan<byte> data, ref int position)
    {
        var value = ReadUleb(data, ref position);
        return (long)(value >> 1) ^ -(long)(value & 1);
    }

    private static void RequireBits(ReadOnlySpan<byte> packed, int width, int count)
    {
        if ((long)count * width > (long)packed.Length * 8)
        {
            throw new InvalidDataException($"{count} values of {width} bits need more than the {packed.Length} bytes left in the page");
        }
    }

    /// <summary>How many leading values can be read with a full 8-byte load inside <paramref name="length"/> bytes.</summary>
    private static int FastCount(int length, int width, int count)
    {
        if (length < 8)
        {
            return 0;
        }

        // Value i is safe when its byte offset, floor(i·width/8), is at most length − 8.
        var safe = (((long)(length - 8) * 8) / width) + 1;
        return (int)Math.Min(count, safe);
    }

    private static ulong Slow(ReadOnlySpan<byte> packed, long bit, int width)
    {
        ulong value = 0;
        for (var taken = 0; taken < width;)
        {
            var index = (int)((bit + taken) >> 3);
            var offset = (int)((bit + taken) & 7);
            var take = Math.Min(8 - offset, width - taken);
            value |= (ulong)((packed[index] >> offset) & ((1 << take) - 1)) << taken;
            taken += take;
        }

        return value;
    }
}
