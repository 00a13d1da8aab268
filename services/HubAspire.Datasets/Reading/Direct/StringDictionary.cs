using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace HubAspire.Datasets.Reading.Direct;

/// <summary>
/// A string column's dictionary page, kept as its bytes: each entry is decoded (UTF-8) and given a
/// code by the column's <see cref="StringCoder"/> the first time a row uses it, so codes are
/// numbered in order of first appearance, as the general reader numbers them, and an entry no row
/// uses costs nothing. Its buffers are pooled: dispose it.
/// </summary>
internal sealed class StringDictionary : IDisposable
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets, _lengths, _codes;
    private char[] _chars = [];

    private StringDictionary(byte[] bytes, int[] offsets, int[] lengths, int[] codes, int count)
    {
        _bytes = bytes;
        _offsets = offsets;
        _lengths = lengths;
        _codes = codes;
        Count = count;
    }

    public int Count { get; }

    /// <summary>Indexes a PLAIN page of <paramref name="count"/> strings (a 4-byte length, then the bytes, each); null when it is malformed.</summary>
    public static StringDictionary? TryRead(ReadOnlySpan<byte> page, int count)
    {
        var bytes = DecodeBuffers<byte>.Pool.Rent(Math.Max(page.Length, 1));
        page.CopyTo(bytes);
        var dictionary = new StringDictionary(bytes, DecodeBuffers<int>.Pool.Rent(count), DecodeBuffers<int>.Pool.Rent(count), DecodeBuffers<int>.Pool.Rent(count), count);
        dictionary._codes.AsSpan(0, count).Fill(-1);
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            var length = page.Length - position >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(page[position..]) : -1;
            position += 4;
            if (length < 0 || length > page.Length - position)
            {
                dictionary.Dispose();
                return null;
            }

            dictionary._offsets[i] = position;
            dictionary._lengths[i] = length;
            position += length;
        }

        return dictionary;
    }

    /// <summary>Each row's code from its (already bounds-checked) entry index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Code(ReadOnlySpan<int> indices, Span<int> codes, StringCoder coder)
    {
        var entryCodes = _codes;
        for (var i = 0; i < indices.Length; i++)
        {
            var code = entryCodes[indices[i]];
            codes[i] = code >= 0 ? code : entryCodes[indices[i]] = CodeOf(indices[i], coder);
        }
    }

    public void Dispose()
    {
        DecodeBuffers<byte>.Pool.Return(_bytes);
        DecodeBuffers<int>.Pool.Return(_offsets);
        DecodeBuffers<int>.Pool.Return(_lengths);
        DecodeBuffers<int>.Pool.Return(_codes);
        if (_chars.Length > 0)
        {
            DecodeBuffers<char>.Pool.Return(_chars);
        }
    }

    private int CodeOf(int entry, StringCoder coder)
    {
        var bytes = _bytes.AsSpan(_offsets[entry], _lengths[entry]);
        var needed = System.Text.Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars.Length < needed)
        {
            if (_chars.Length > 0)
            {
                DecodeBuffers<char>.Pool.Return(_chars);
            }

            _chars = DecodeBuffers<char>.Pool.Rent(needed);
        }

        var length = System.Text.Encoding.UTF8.GetChars(bytes, _chars);
        return coder.CodeOf(_chars.AsSpan(0, length));
    }
}
