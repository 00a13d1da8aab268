using HubAspire.Core.Aggregations;

namespace HubAspire.Benchmarks.Figures;

/// <summary>How many figures were compared, and every one that differs.</summary>
public sealed record FigureComparison(int Groups, int Values, IReadOnlyList<string> Differences)
{
    /// <summary>
    /// Every group and figure of all aggregations, and every KPI. Sums must agree to half a unit of
    /// their measure (a cent for money, so one per-row rounding difference shows); means and rates
    /// to 1e-12 relative, tight enough that one row's rounding difference in a mean shows too.
    /// </summary>
    public static FigureComparison Compare(DashboardFigures ours, DashboardFigures theirs)
    {
        var differences = new List<string>();
        int groups = 0, values = 0;
        foreach (var aggregation in AggregationCatalog.All)
        {
            var mine = ours.Aggregations[aggregation.Name].ToDictionary(r => r.Label);
            var other = theirs.Aggregations[aggregation.Name].ToDictionary(r => r.Label);
            foreach (var label in mine.Keys.Union(other.Keys).Order(StringComparer.Ordinal))
            {
                groups++;
                if (!mine.TryGetValue(label, out var a) || !other.TryGetValue(label, out var b))
                {
                    differences.Add($"{aggregation.Name} [{label}]: only in {(mine.ContainsKey(label) ? "ours" : "DuckDB's")}");
                    continue;
                }

                for (var i = 0; i < aggregation.Metrics.Count; i++)
                {
                    values++;
                    Check($"{aggregation.Name} [{label}] {aggregation.Metrics[i].Name}", aggregation.Cube, aggregation.Metrics[i], a.Values[i], b.Values[i]);
                }
            }
        }

        foreach (var kpi in Kpis.All)
        {
            values++;
            Check($"KPI {kpi.Name}", kpi.Cube, kpi.Metric, ours.Kpis[kpi.Name], theirs.Kpis[kpi.Name]);
        }

        values++;
        if (ours.Kpis[Kpis.TotalRecords] != theirs.Kpis[Kpis.TotalRecords])
        {
            differences.Add($"KPI {Kpis.TotalRecords}: ours {ours.Kpis[Kpis.TotalRecords]}, DuckDB {theirs.Kpis[Kpis.TotalRecords]}");
        }

        return new FigureComparison(groups, values, differences);

        void Check(string what, CubeDefinition cube, Metric metric, double? a, double? b)
        {
            if (!Agree(cube, metric, a, b))
            {
                differences.Add($"{what}: ours {a:R}, DuckDB {b:R}");
            }
        }
    }

    private static bool Agree(CubeDefinition cube, Metric metric, double? a, double? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        if (metric.Denominator is null)
        {
            var unit = Math.Pow(10, -cube.Measures[cube.MeasureIndex(metric.Numerator)].Decimals);
            return Math.Abs(a.Value - b.Value) < unit / 2;
        }

        return Math.Abs(a.Value - b.Value) <= 1e-12 * Math.Max(1, Math.Abs(a.Value));
    }
}
