using System.Runtime.CompilerServices;
using HubAspire.Core.Aggregations;

namespace HubAspire.Mapping.Processing;

/// <summary>
/// The hot loop of the map step: sums one row group's measures into dense arrays indexed by
/// [dimension][month][label code][measure], then hands them over as <see cref="CubeCells"/>
/// keyed by label text. Dense integer indexing keeps the per-row work to a few additions.
/// </summary>
public sealed class CubeAccumulator
{
    private readonly CubeDefinition _cube;
    private readonly MonthIndex _months;
    private readonly DimensionColumn[] _dimensions;
    private readonly int[] _labelCounts; // per dimension, read per row: an array, not an interface call
    private readonly long[][] _sums; // per dimension: [month × labels × measures]
    private readonly int _measureCount;

    /// <param name="dimensions">One column per cube dimension, in <see cref="CubeDefinition.Dimensions"/> order.</param>
    public CubeAccumulator(CubeDefinition cube, MonthIndex months, DimensionColumn[] dimensions)
    {
        if (dimensions.Length != cube.Dimensions.Count)
        {
            throw new ArgumentException($"The {cube.Name} cube has {cube.Dimensions.Count} dimensions, not {dimensions.Length}.", nameof(dimensions));
        }

        _cube = cube;
        _months = months;
        _dimensions = dimensions;
        _labelCounts = dimensions.Select(d => d.Labels.Count).ToArray();
        _measureCount = cube.Measures.Count;
        _sums = dimensions.Select(d => new long[months.Count * d.Labels.Count * _measureCount]).ToArray();
    }

    /// <summary>Adds one row's measures (in definition order) to its cell in every dimension.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Add(int row, ReadOnlySpan<long> measures)
    {
        var month = _months.Indices[row];
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var offset = ((month * _labelCounts[d]) + _dimensions[d].Codes[row]) * _measureCount;
            var sums = _sums[d].AsSpan(offset, _measureCount);
            for (var m = 0; m < sums.Length; m++)
            {
                sums[m] += measures[m];
            }
        }
    }

    /// <summary>The non-empty cells (a cell is non-empty when it counted rows).</summary>
    public CubeCells ToCells()
    {
        var cells = new CubeCells(_cube);
        for (var d = 0; d < _dimensions.Length; d++)
        {
            var labels = _dimensions[d].Labels;
            var sums = _sums[d];
            for (var month = 0; month < _months.Count; month++)
            {
                for (var code = 0; code < labels.Count; code++)
                {
                    var cell = sums.AsSpan(((month * labels.Count) + code) * _measureCount, _measureCount);
                    if (cell[0] != 0)
                    {
                        cells.Add(new CellKey(d, _months.FirstMonth + month, labels[code]), cell);
                    }
                }
            }
        }

        return cells;
    }
}
