namespace HubAspire.Datasets.Reading;

/// <summary>
/// One row group's columns, by name, in the forms requested. Pass the same instance to
/// <see cref="ParquetFileSource.ReadRowGroupAsync(int, IReadOnlyList{ColumnRequest}, RowGroupColumns, CancellationToken)"/>
/// again to reuse its buffers: refilling it overwrites what earlier spans and value lists showed.
/// Not thread-safe: use one instance per worker.
/// </summary>
public sealed class RowGroupColumns
{
    private readonly Dictionary<(string Name, ReadAs As), Slot> _slots = [];
    private readonly Dictionary<Type, Array> _scratch = [];
    private int[] _definitionLevels = [];

    public int RowCount { get; private set; }

    /// <summary>Integers and booleans (0/1) widened to 64 bits.</summary>
    public ReadOnlySpan<long> Int64(string name) => Get(name, ReadAs.Int64).Longs.AsSpan(0, RowCount);

    /// <summary>Doubles, floats and integers as doubles.</summary>
    public ReadOnlySpan<double> Double(string name) => Get(name, ReadAs.Double).Doubles.AsSpan(0, RowCount);

    /// <summary>Unix seconds, UTC, rounded down, whatever the file's unit.</summary>
    public ReadOnlySpan<long> TimestampSeconds(string name) => Get(name, ReadAs.TimestampSeconds).Longs.AsSpan(0, RowCount);

    public CategoricalColumn Categorical(string name) => Get(name, ReadAs.Categorical).Categorical!;

    internal void Begin(int rowCount)
    {
        RowCount = rowCount;
        foreach (var slot in _slots.Values)
        {
            slot.Filled = false;
        }
    }

    /// <summary>The output buffer (at least <see cref="RowCount"/> long) of an Int64 or timestamp request.</summary>
    internal long[] LongBuffer(ColumnRequest request)
    {
        var slot = Fill(request);
        slot.EnsureLongs(RowCount);
        return slot.Longs;
    }

    /// <summary>The output buffer (at least <see cref="RowCount"/> long) of a Double request.</summary>
    internal double[] DoubleBuffer(ColumnRequest request)
    {
        var slot = Fill(request);
        slot.EnsureDoubles(RowCount);
        return slot.Doubles;
    }

    internal CategoricalColumn CategoricalFor(ColumnRequest request)
    {
        var slot = Fill(request);
        return slot.Categorical ??= new CategoricalColumn();
    }

    /// <summary>A reusable buffer of at least <paramref name="count"/> elements for decoding before widening.</summary>
    internal T[] Scratch<T>(int count)
    {
        if (_scratch.TryGetValue(typeof(T), out var existing) && existing.Length >= count)
        {
            return (T[])existing;
        }

        var array = new T[count];
        _scratch[typeof(T)] = array;
        return array;
    }

    /// <summary>A reusable buffer for the definition levels of an OPTIONAL column.</summary>
    internal int[] DefinitionLevels(int count)
    {
        if (_definitionLevels.Length < count)
        {
            _definitionLevels = new int[count];
        }

        return _definitionLevels;
    }

    private Slot Fill(ColumnRequest request)
    {
        if (!_slots.TryGetValue((request.Name, request.As), out var slot))
        {
            slot = new Slot();
            _slots.Add((request.Name, request.As), slot);
        }

        slot.Filled = true;
        return slot;
    }

    private Slot Get(string name, ReadAs readAs) =>
        _slots.TryGetValue((name, readAs), out var slot) && slot.Filled
            ? slot
            : throw new KeyNotFoundException($"Column '{name}' was not read as {readAs} in this row group.");

    private sealed class Slot
    {
        public bool Filled { get; set; }

        public long[] Longs { get; private set; } = [];

        public double[] Doubles { get; private set; } = [];

        public CategoricalColumn? Categorical { get; set; }

        public void EnsureLongs(int count)
        {
            if (Longs.Length < count)
            {
                Longs = new long[count];
            }
        }

        public void EnsureDoubles(int count)
        {
            if (Doubles.Length < count)
            {
                Doubles = new double[count];
            }
        }
    }
}
