namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// DELTA_BINARY_PACKED integers: a header (block size, miniblocks per block, value count, first
/// value), then per block a minimum delta and one bit width per miniblock, then the miniblocks'
/// bit-packed deltas above that minimum. Arithmetic wraps, as the encoding's writers' does.
/// </summary>
internal static class DeltaDecoder
{
    /// <summary>Fills <paramref name="output"/> with the page's first values; <paramref name="deltas"/> is scratch space.</summary>
    public static void Decode(ReadOnlySpan<byte> data, Span<long> output, Span<ulong> deltas)
    {
        var position = 0;
        var blockSize = BitPacking.ReadUleb(data, ref position);
        var miniblocks = BitPacking.ReadUleb(data, ref position);
        var total = BitPacking.ReadUleb(data, ref position);
        var value = BitPacking.ReadZigZag(data, ref position);
        if (blockSize == 0 || blockSize % 128 != 0 || miniblocks == 0 || blockSize % miniblocks != 0 || blockSize / miniblocks % 32 != 0 || blockSize > 1 << 20)
        {
            throw new InvalidDataException($"a delta-encoded page has an invalid block layout ({blockSize} values in {miniblocks} miniblocks)");
        }

        if (total < (ulong)output.Length)
        {
            throw new InvalidDataException($"a delta-encoded page holds {total} values where {output.Length} were expected");
        }

        if (output.IsEmpty)
        {
            return;
        }

        var perMiniblock = (int)(blockSize / miniblocks);
        if (deltas.Length < perMiniblock)
        {
            throw new ArgumentException("The scratch space is smaller than a miniblock.", nameof(deltas));
        }

        output[0] = value;
        var filled = 1;
        while (filled < output.Length)
        {
            var minDelta = BitPacking.ReadZigZag(data, ref position);
            if ((int)miniblocks > data.Length - position)
            {
                throw new InvalidDataException("a delta-encoded block runs past the end of its page");
            }

            var widths = data.Slice(position, (int)miniblocks);
            position += (int)miniblocks;
            for (var m = 0; m < widths.Length && filled < output.Length; m++)
            {
                var width = widths[m];
                if (width > 64)
                {
                    throw new InvalidDataException($"a delta-encoded miniblock has a bit width of {width}");
                }

                // The miniblock is padded to whole values, though a writer may end the page early.
                var length = Math.Min(perMiniblock * width / 8, data.Length - position);
                var take = Math.Min(perMiniblock, output.Length - filled);
                var packed = deltas[..take];
                BitPacking.Unpack(data.Slice(position, length), width, packed);
                position += length;
                var values = output.Slice(filled, take);
                for (var i = 0; i < values.Length; i++)
                {
                    value = unchecked(value + minDelta + (long)packed[i]);
                    values[i] = value;
                }

                filled += take;
            }
        }
    }
}
