using HubAspire.Core.Aggregations;

namespace HubAspire.Core.Presentation;

/// <summary>
/// <c>/api/meta</c>'s dimension values: per entity, per dimension, the labels present in the
/// selected months, ordered and formatted as the charts grouped by that dimension show them
/// (natural orders, hours as <c>00:00</c>); where no chart fixes an order, A→Z.
/// </summary>
public static class DimensionValues
{
    /// <returns>Entity → dimension → labels, entities and dimensions in cube definition order.</returns>
    public static IReadOnlyList<(string Entity, IReadOnlyList<(string Dimension, IReadOnlyList<string> Labels)> Dimensions)> Of(
        IReadOnlyList<CubeCells> cubes, MonthRange months) =>
    [
        .. cubes.Select(cube => (cube.Definition.Name, (IReadOnlyList<(string, IReadOnlyList<string>)>)
        [
            .. cube.Definition.Dimensions
                .Select((dimension, index) => (dimension, index))
                .Where(d => d.dimension != CubeDefinition.AllDimension)
                .Select(d => (d.dimension, Labels(cube, d.index, d.dimension, months))),
        ])),
    ];

    private static IReadOnlyList<string> Labels(CubeCells cube, int dimension, string name, MonthRange months)
    {
        var (order, format) = PresentationOf(cube.Definition, name);
        var rows = cube.Cells
            .Where(c => c.Key.Dimension == dimension && months.Contains(c.Key.Month))
            .Select(c => c.Key.Label)
            .Distinct()
            .Select(label => (label, Array.Empty<double?>()))
            .ToList();
        order.Sort(rows);
        return [.. rows.Select(r => format.Apply(r.label))];
    }

    /// <summary>The order and format of a chart grouped by this dimension that fixes one, else A→Z as stored.</summary>
    private static (LabelOrder Order, LabelFormat Format) PresentationOf(CubeDefinition cube, string dimension)
    {
        var chart = ChartCatalog.All.FirstOrDefault(c =>
            c.Source.Cube == cube && c.Source.Grouping == Grouping.Dimension && c.Source.Dimension == dimension
            && c.Order.Kind is LabelOrderKind.Natural or LabelOrderKind.Numeric);
        return chart is null ? (LabelOrder.Alphabetical, LabelFormat.AsIs) : (chart.Order, chart.LabelFormat);
    }
}
