using HubAspire.Core.Aggregations;

namespace HubAspire.Core.Presentation;

/// <summary>How a chart's series sit in its JSON object.</summary>
public enum ChartShape
{
    /// <summary><c>labels</c>, then one array per series under the series' name (e.g. <c>revenue</c>, <c>win_rate</c>).</summary>
    Columns,

    /// <summary><c>labels</c> and <c>datasets: [{label, data}]</c>, one dataset per series (the original's trend charts).</summary>
    Datasets,
}

/// <param name="Name">The JSON key (<see cref="ChartShape.Columns"/>) or the dataset's label (<see cref="ChartShape.Datasets"/>); the CSV column header either way.</param>
/// <param name="Metric">Computed over the chart's cube for each label.</param>
public sealed record ChartSeries(string Name, Metric Metric, Rounding Rounding);

/// <summary>
/// One chart endpoint of API.md as data: where it answers, which aggregation feeds it, and how
/// its labels and figures are shown. The API maps every entry of <see cref="ChartCatalog.All"/>
/// to a route, its JSON and its CSV with one loop.
/// </summary>
/// <param name="Route">The path under <c>/api/</c>, e.g. <c>deals/region</c>.</param>
/// <param name="DashboardKey">Its key in <c>/api/dashboard</c>; null for our additions that the original dashboard did not have.</param>
/// <param name="Source">The aggregation whose cube, grouping and month filter the chart uses.</param>
public sealed record ChartDefinition(
    string Route,
    string? DashboardKey,
    AggregationDefinition Source,
    ChartShape Shape,
    LabelOrder Order,
    LabelFormat LabelFormat,
    IReadOnlyList<ChartSeries> Series)
{
    public const string PathPrefix = "/api/";

    public string Path => PathPrefix + Route;

    /// <summary>The source aggregation with exactly the chart's series as its metrics: what is evaluated.</summary>
    public AggregationDefinition Evaluated => Source with { Metrics = [.. Series.Select(s => s.Metric)] };

    /// <summary>What a label is (the CSV's first header): <c>month</c>, <c>quarter</c>, or the grouping column.</summary>
    public string LabelColumn => Source.Grouping switch
    {
        Grouping.Month => "month",
        Grouping.Quarter => "quarter",
        _ => Source.Dimension!,
    };
}
