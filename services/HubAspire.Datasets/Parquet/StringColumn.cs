namespace HubAspire.Datasets.Parquet;

/// <summary>
/// A string column kept in the form the Parquet writer consumes (<see cref="ReadOnlyMemory{T}"/>
/// views of the strings), so writing a row group converts nothing and allocates no per-row
/// array; values from the shared value lists are referenced, not copied.
/// </summary>
public sealed class StringColumn(int capacity)
{
    private readonly ReadOnlyMemory<char>[] _values = new ReadOnlyMemory<char>[capacity];

    public string this[int index]
    {
        set => _values[index] = value.AsMemory();
    }

    internal ReadOnlyMemory<ReadOnlyMemory<char>> Values(int count) => _values.AsMemory(0, count);
}
