using HubAspire.Core.Aggregations;
using HubAspire.Core.Features;
using HubAspire.Core.Presentation;

namespace HubAspire.Api.Tests.Presentation;

/// <summary>The chart table is consistent: API.md's paths, each aggregation served, every series computable from its cube.</summary>
public sealed class CatalogTests
{
    [Fact]
    public void The_table_has_api_md_s_chart_paths_and_dashboard_keys()
    {
        Assert.Equal(Periods.ChartPaths, ChartCatalog.All.Select(c => c.Path));
        Assert.Equal(21, ChartCatalog.OnDashboard.Count());
        Assert.Equal(ChartCatalog.OnDashboard.Count(), ChartCatalog.OnDashboard.Select(c => c.DashboardKey).Distinct().Count());
    }

    [Fact]
    public void Every_aggregation_is_served_by_exactly_one_chart() =>
        Assert.Equal(AggregationCatalog.All.Select(a => a.Name).Order(), ChartCatalog.All.Select(c => c.Source.Name).Order());

    [Fact]
    public void Every_series_evaluates_on_its_cube()
    {
        var cubes = Cubes.All.Select(cube =>
        {
            var cells = new CubeCells(cube);
            var sums = Enumerable.Repeat(1L, cube.Measures.Count).ToArray();
            foreach (var (dimension, index) in cube.Dimensions.Select((d, i) => (d, i)))
            {
                cells.Add(new CellKey(index, TimeFeatures.MonthKey(2024, 5), dimension == "send_hour" ? "7" : "x"), sums);
            }

            return cells;
        }).ToList();

        foreach (var chart in ChartCatalog.All)
        {
            var data = ChartPresenter.Present(chart, cubes, MonthRange.Everything);
            Assert.Single(data.Labels);
            Assert.All(data.Series, values => Assert.NotNull(Assert.Single(values)));
        }
    }

    [Fact]
    public void The_kpi_fields_are_every_kpi_once() =>
        Assert.Equal(Kpis.All.Select(k => k.Name).Append(Kpis.TotalRecords).Order(), KpiPresentation.Fields.Select(f => f.Key).Order());
}
