namespace HubAspire.Datasets.Reading;

/// <summary>
/// A string column of one row group as codes: <c>Values[Codes[row]]</c> is the row's string.
/// Codes are dense, 0..Values.Count-1, numbered in order of first appearance within the row group.
/// </summary>
public sealed class CategoricalColumn
{
    private int[] _codes = [];
    private int _count;

    internal CategoricalColumn()
    {
    }

    public ReadOnlySpan<int> Codes => _codes.AsSpan(0, _count);

    public IReadOnlyList<string> Values => Coder.Values;

    internal StringCoder Coder { get; } = new();

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
}
