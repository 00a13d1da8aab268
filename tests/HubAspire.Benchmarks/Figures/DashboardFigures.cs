using HubAspire.Core.Aggregations;

namespace HubAspire.Benchmarks.Figures;

/// <summary>
/// What the dashboard shows over all months: every aggregation's rows (by name) and every KPI.
/// The work both the ETL and DuckDB are timed on, in one shape so that they can be compared.
/// </summary>
public sealed record DashboardFigures(
    IReadOnlyDictionary<string, IReadOnlyList<AggregationRow>> Aggregations, IReadOnlyDictionary<string, double?> Kpis)
{
    /// <summary>Our figures: a run's cubes as the store holds them, evaluated as the API evaluates them.</summary>
    public static DashboardFigures FromCubes(IReadOnlyList<CubeCells> cubes) => new(
        AggregationCatalog.All.ToDictionary(
            a => a.Name, a => CubeEvaluator.Evaluate(a, cubes.Single(c => c.Definition == a.Cube), MonthRange.Everything)),
        CubeEvaluator.EvaluateKpis(cubes, MonthRange.Everything));
}
