namespace HubAspire.Core.Aggregations;

/// <summary>
/// A figure of an aggregation, computed from a group's summed measures: a plain sum
/// (<see cref="Denominator"/> null) or a mean/rate (Σ numerator ÷ Σ denominator, usually the
/// row count). Means and rates are never stored: they are computed for whatever months are selected.
/// </summary>
public sealed record Metric(string Name, string Numerator, string? Denominator)
{
    public static Metric Sum(string name, string measure) => new(name, measure, null);

    /// <summary>Mean of a column, or a rate of a flag: Σ measure ÷ rows.</summary>
    public static Metric PerRow(string name, string measure) => new(name, measure, Measure.Rows);

    /// <summary>Null for a mean over no rows.</summary>
    public double? Evaluate(CubeDefinition cube, ReadOnlySpan<long> sums)
    {
        var numerator = cube.Measures[cube.MeasureIndex(Numerator)];
        var value = numerator.FromUnits(sums[cube.MeasureIndex(Numerator)]);
        if (Denominator is null)
        {
            return value;
        }

        var denominator = cube.Measures[cube.MeasureIndex(Denominator)];
        var divisor = denominator.FromUnits(sums[cube.MeasureIndex(Denominator)]);
        return divisor == 0 ? null : value / divisor;
    }
}
