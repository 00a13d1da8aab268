namespace HubAspire.Datasets.Reading;

/// <summary>
/// A string column of one row group as codes: <c>Values[Codes[row]]</c> is the row's string.
/// Codes are dense, 0..Values.Count-1, numbered in order of first appearance within the row group.
/// <see cref="Codes"/> is a view of a reused buffer (overwritten by the next read into the same
/// <see cref="RowGroupColumns"/>); <see cref="Values"/> is the row group's own list and may be kept.
/// </summary>
public sealed class CategoricalColumn
{
    private int[] _codes = [];
    private int _count;
    private string[] _values = [];

    internal CategoricalColumn()
    {
    }

    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, _count);

    /// <summary><see cref="Codes"/> as memory, to hold on to without copying (as long as <see cref="Codes"/> is valid).</summary>
    public ReadOnlyMemory<int> CodesMemory => _codes.AsMemory(0, _count);

    public IReadOnlyList<string> Values => _values;

    internal StringCoder Coder { get; } = new();

    /// <summary>The codes' buffer, at least as long as the count last prepared, for decoders that fill it in parts.</summary>
    internal int[] CodeBuffer => _codes;

    internal Span<int> Prepare(int count)
    {
        if (_codes.Length < count)
        {
            _codes = new int[count];
        }

        _count = count;
        Coder.Reset();
        return _codes.AsSpan(0, count);
    }

    /// <summary>Takes the distinct values once the codes are filled (a few strings, shared across row groups).</summary>
    internal void Complete() => _values = Coder.Values.ToArray();
}
