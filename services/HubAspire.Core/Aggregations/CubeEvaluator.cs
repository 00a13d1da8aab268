using HubAspire.Core.Features;

namespace HubAspire.Core.Aggregations;

/// <summary>A month range, both ends inclusive; null ends are open.</summary>
public readonly record struct MonthRange(int? From, int? To)
{
    public static readonly MonthRange Everything = new(null, null);

    public bool Contains(int month) => (From is null || month >= From) && (To is null || month <= To);
}

/// <summary>One group of an aggregation: its label and its figures, in the definition's metric order.</summary>
public sealed record AggregationRow(string Label, IReadOnlyList<double?> Values);

/// <summary>
/// Turns a run's cube cells into figures: Σ of each measure over the selected months per group,
/// then each metric from those sums. Rows come unordered; presentation (order, rounding) is the caller's.
/// </summary>
public static class CubeEvaluator
{
    public static IReadOnlyList<AggregationRow> Evaluate(AggregationDefinition aggregation, CubeCells cells, MonthRange months)
    {
        var cube = aggregation.Cube;
        var dimension = cube.DimensionIndex(aggregation.SourceDimension);
        var groups = new Dictionary<string, long[]>();
        foreach (var (key, sums) in cells.Cells)
        {
            if (key.Dimension != dimension || !months.Contains(key.Month))
            {
                continue;
            }

            var label = aggregation.Grouping switch
            {
                Grouping.Month => TimeFeatures.Month(key.Month),
                Grouping.Quarter => TimeFeatures.Quarter(key.Month),
                _ => key.Label,
            };
            if (!groups.TryGetValue(label, out var total))
            {
                groups[label] = total = new long[sums.Length];
            }

            for (var i = 0; i < sums.Length; i++)
            {
                total[i] += sums[i];
            }
        }

        return groups.Select(g => new AggregationRow(g.Key, aggregation.Metrics.Select(m => m.Evaluate(cube, g.Value)).ToList())).ToList();
    }

    /// <summary>Every KPI over the selected months, plus <see cref="Kpis.TotalRecords"/>.</summary>
    public static IReadOnlyDictionary<string, double?> EvaluateKpis(IReadOnlyList<CubeCells> cubes, MonthRange months)
    {
        var totals = cubes.ToDictionary(c => c.Definition, c => Totals(c, months));
        var kpis = Kpis.All.ToDictionary(k => k.Name, k => k.Metric.Evaluate(k.Cube, totals[k.Cube]));
        kpis[Kpis.TotalRecords] = totals.Sum(t => t.Value[t.Key.MeasureIndex(Measure.Rows)]);
        return kpis;
    }

    /// <summary>Σ of every measure over the "all" dimension's selected months.</summary>
    private static long[] Totals(CubeCells cells, MonthRange months)
    {
        var all = cells.Definition.DimensionIndex(CubeDefinition.AllDimension);
        var totals = new long[cells.Definition.Measures.Count];
        foreach (var (key, sums) in cells.Cells)
        {
            if (key.Dimension == all && months.Contains(key.Month))
            {
                for (var i = 0; i < sums.Length; i++)
                {
                    totals[i] += sums[i];
                }
            }
        }

        return totals;
    }
}
