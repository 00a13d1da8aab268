using HubAspire.Core.Aggregations;

namespace HubAspire.Cluster.Serialization;

/// <summary>
/// A partial cube on the wire: the cube's name and its cells as parallel arrays (measures
/// flattened, definition order). The Core stays free of Orleans; this converter is the one place
/// that knows both.
/// </summary>
[GenerateSerializer, Alias("hubaspire.cube-cells")]
public struct CubeCellsSurrogate
{
    [Id(0)] public string Cube;
    [Id(1)] public int[] Dimensions;
    [Id(2)] public int[] Months;
    [Id(3)] public string[] Labels;
    [Id(4)] public long[] Measures;
}

[RegisterConverter]
public sealed class CubeCellsConverter : IConverter<CubeCells, CubeCellsSurrogate>
{
    public CubeCellsSurrogate ConvertToSurrogate(in CubeCells value)
    {
        var width = value.Definition.Measures.Count;
        var surrogate = new CubeCellsSurrogate
        {
            Cube = value.Definition.Name,
            Dimensions = new int[value.Count],
            Months = new int[value.Count],
            Labels = new string[value.Count],
            Measures = new long[value.Count * width],
        };
        var cell = 0;
        foreach (var (key, sums) in value.Cells)
        {
            (surrogate.Dimensions[cell], surrogate.Months[cell], surrogate.Labels[cell]) = (key.Dimension, key.Month, key.Label);
            sums.CopyTo(surrogate.Measures, cell * width);
            cell++;
        }

        return surrogate;
    }

    public CubeCells ConvertFromSurrogate(in CubeCellsSurrogate surrogate)
    {
        var cube = new CubeCells(Cubes.For(surrogate.Cube));
        var width = cube.Definition.Measures.Count;
        for (var cell = 0; cell < surrogate.Labels.Length; cell++)
        {
            cube.Add(new CellKey(surrogate.Dimensions[cell], surrogate.Months[cell], surrogate.Labels[cell]),
                surrogate.Measures.AsSpan(cell * width, width));
        }

        return cube;
    }
}
