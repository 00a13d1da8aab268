using HubAspire.Core.Aggregations;

namespace HubAspire.Core.Presentation;

/// <summary>A chart as served: labels in order and formatted, and each series' shown figures in label order.</summary>
/// <param name="Series">One array per <see cref="ChartDefinition.Series"/> entry, each as long as <see cref="Labels"/>.</param>
public sealed record ChartData(ChartDefinition Chart, IReadOnlyList<string> Labels, IReadOnlyList<double?[]> Series);

public static class ChartPresenter
{
    /// <summary>
    /// The chart over <paramref name="months"/>: its aggregation evaluated on the run's cube, each
    /// figure rounded, the labels ordered then formatted. No rows in the period: no labels.
    /// </summary>
    /// <param name="cubes">A run's cubes (any order; the chart's is found by definition).</param>
    public static ChartData Present(ChartDefinition chart, IReadOnlyList<CubeCells> cubes, MonthRange months)
    {
        var cells = cubes.FirstOrDefault(c => c.Definition == chart.Source.Cube)
            ?? throw new ArgumentException($"The run has no {chart.Source.Cube.Name} cube.", nameof(cubes));
        var rows = CubeEvaluator.Evaluate(chart.Evaluated, cells, months)
            .Select(row => (row.Label, Values: chart.Series.Select((series, i) => series.Rounding.Apply(row.Values[i])).ToArray()))
            .ToList();
        chart.Order.Sort(rows);

        var labels = rows.Select(r => chart.LabelFormat.Apply(r.Label)).ToArray();
        var series = chart.Series.Select((_, i) => rows.Select(r => r.Values[i]).ToArray()).ToArray();
        return new ChartData(chart, labels, series);
    }
}
