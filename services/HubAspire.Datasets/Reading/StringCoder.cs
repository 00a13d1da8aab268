using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace HubAspire.Datasets.Reading;

/// <summary>
/// Maps a row group's strings, as the <see cref="ReadOnlyMemory{T}"/> views Parquet.Net decodes
/// them into, to dense integer codes without creating a string per row.
/// </summary>
/// <remarks>
/// Parquet.Net decodes each dictionary entry once into its own <c>char[]</c> and hands every row
/// that uses it a view of that same array, so for dictionary-encoded columns the array's identity
/// already is the code: a small direct-mapped cache keyed by reference resolves almost every row
/// without reading a character (~4 ns a row). Rows the cache misses (plain-encoded pages, where
/// every row is a fresh array, or dictionaries larger than the cache) are looked up by content in
/// an open-addressing table with a cheap 8-bytes-at-a-time hash. A value's string is created once
/// per coder and reused by later row groups while the column stays low-cardinality.
/// </remarks>
internal sealed class StringCoder
{
    private const int CacheSize = 1024;
    private const int MaxInterned = 4096;

    private readonly object?[] _cacheArray = new object?[CacheSize];
    private readonly int[] _cacheOffset = new int[CacheSize];
    private readonly int[] _cacheLength = new int[CacheSize];
    private readonly int[] _cacheCode = new int[CacheSize];

    // Content table: slots hold code + 1 (0 = empty); sized to a power of two, at most half full.
    private int[] _slots = new int[64];
    private int[] _hashes = new int[32];
    private readonly List<string> _values = [];

    private readonly HashSet<string> _interned = new(StringComparer.Ordinal);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _internedBySpan;

    public StringCoder()
    {
        _internedBySpan = _interned.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<string> Values => _values;

    /// <summary>Forgets the previous row group's codes (value strings stay interned).</summary>
    public void Reset()
    {
        Array.Clear(_cacheArray);
        Array.Clear(_slots);
        _values.Clear();
    }

    /// <param name="strings">One view per row.</param>
    /// <param name="codes">Receives each row's code.</param>
    /// <param name="byIdentity">True when views of equal strings are likely to share their array (dictionary-encoded pages).</param>
    public void Encode(ReadOnlySpan<ReadOnlyMemory<char>> strings, Span<int> codes, bool byIdentity)
    {
        if (!byIdentity)
        {
            for (var i = 0; i < strings.Length; i++)
            {
                codes[i] = CodeOf(strings[i].Span);
            }

            return;
        }

        for (var i = 0; i < strings.Length; i++)
        {
            var value = strings[i];
            if (!MemoryMarshal.TryGetArray(value, out var segment))
            {
                codes[i] = CodeOf(value.Span);
                continue;
            }

            var array = segment.Array!;
            var slot = (RuntimeHelpers.GetHashCode(array) ^ segment.Offset) & (CacheSize - 1);
            if (ReferenceEquals(_cacheArray[slot], array) && _cacheOffset[slot] == segment.Offset && _cacheLength[slot] == segment.Count)
            {
                codes[i] = _cacheCode[slot];
                continue;
            }

            var code = CodeOf(segment.AsSpan());
            _cacheArray[slot] = array;
            _cacheOffset[slot] = segment.Offset;
            _cacheLength[slot] = segment.Count;
            _cacheCode[slot] = code;
            codes[i] = code;
        }
    }

    /// <summary>The code of one value, added if new.</summary>
    public int CodeOf(ReadOnlySpan<char> value)
    {
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        for (var slot = hash & mask; ; slot = (slot + 1) & mask)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Add(value, hash, slot);
            }

            var code = entry - 1;
            if (_hashes[code] == hash && value.SequenceEqual(_values[code]))
            {
                return code;
            }
        }
    }

    private int Add(ReadOnlySpan<char> value, int hash, int slot)
    {
        var code = _values.Count;
        _values.Add(Intern(value));
        if (_hashes.Length == code)
        {
            Array.Resize(ref _hashes, code * 2);
        }

        _hashes[code] = hash;
        _slots[slot] = code + 1;
        if (_values.Count * 2 > _slots.Length)
        {
            Grow();
        }

        return code;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        for (var code = 0; code < _values.Count; code++)
        {
            var slot = _hashes[code] & mask;
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = code + 1;
        }
    }

    private string Intern(ReadOnlySpan<char> value)
    {
        if (_internedBySpan.TryGetValue(value, out var existing))
        {
            return existing;
        }

        // A high-cardinality column would otherwise grow the set without bound.
        if (_interned.Count >= MaxInterned)
        {
            _interned.Clear();
        }

        var text = new string(value);
        _interned.Add(text);
        return text;
    }

    /// <summary>A fast non-cryptographic hash, 8 bytes a step; only used within one process and row group.</summary>
    private static int Hash(ReadOnlySpan<char> value)
    {
        var bytes = MemoryMarshal.AsBytes(value);
        var hash = (ulong)bytes.Length * 0x9E3779B97F4A7C15UL;
        while (bytes.Length >= 8)
        {
            hash = BitOperations.RotateLeft((hash ^ BinaryPrimitives.ReadUInt64LittleEndian(bytes)) * 0xFF51AFD7ED558CCDUL, 29);
            bytes = bytes[8..];
        }

        if (bytes.Length > 0)
        {
            ulong tail = 0;
            for (var i = 0; i < bytes.Length; i++)
            {
                tail |= (ulong)bytes[i] << (8 * i);
            }

            hash = BitOperations.RotateLeft((hash ^ tail) * 0xFF51AFD7ED558CCDUL, 29);
        }

        hash ^= hash >> 32;
        hash *= 0xC4CEB9FE1A85EC53UL;
        return (int)(hash ^ (hash >> 29));
    }
}
