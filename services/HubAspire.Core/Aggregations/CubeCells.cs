namespace HubAspire.Core.Aggregations;

/// <summary>Where a cell sits: which dimension, which month (<see cref="Features.TimeFeatures.MonthKey(DateTime)"/>), which label.</summary>
public readonly record struct CellKey(int Dimension, int Month, string Label);

/// <summary>
/// A cube's cells — partial (one row group's) or whole (a run's). Adding and merging only sum
/// integers, so partials combine in any order into identical totals: map, combine, reduce.
/// </summary>
public sealed class CubeCells(CubeDefinition definition)
{
    private readonly Dictionary<CellKey, long[]> _cells = [];

    public CubeDefinition Definition { get; } = definition;

    public int Count => _cells.Count;

    public IEnumerable<KeyValuePair<CellKey, long[]>> Cells => _cells;

    /// <summary>Adds <paramref name="measures"/> (one value per measure, in definition order) to a cell.</summary>
    public void Add(CellKey key, ReadOnlySpan<long> measures)
    {
        if (!_cells.TryGetValue(key, out var sums))
        {
            sums = new long[Definition.Measures.Count];
            _cells.Add(key, sums);
        }

        for (var i = 0; i < sums.Length; i++)
        {
            sums[i] += measures[i];
        }
    }

    /// <summary>Adds every cell of <paramref name="other"/> into this one.</summary>
    public void Merge(CubeCells other)
    {
        if (other.Definition != Definition)
        {
            throw new ArgumentException($"Cannot merge the {other.Definition.Name} cube into the {Definition.Name} cube.", nameof(other));
        }

        foreach (var (key, sums) in other._cells)
        {
            Add(key, sums);
        }
    }

    public long[]? Get(CellKey key) => _cells.GetValueOrDefault(key);
}
