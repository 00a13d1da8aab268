namespace HubAspire.Core.Aggregations;

/// <summary>
/// An additive component of a cube: a row count or a sum, kept as an exact integer in units of
/// 10^−<see cref="Decimals"/> (cents for money). Integer sums merge exactly in any order, so the
/// figures are the same on one core or many, and a sum over months is the sum of its months.
/// </summary>
/// <param name="Name">Column name in the store, e.g. <c>amount</c> = Σ amount.</param>
/// <param name="Decimals">The values' fixed precision: the unit is 10^−Decimals.</param>
public sealed record Measure(string Name, int Decimals = 0)
{
    /// <summary>The row count every cube has, the denominator of its means and rates.</summary>
    public const string Rows = "rows";

    private static readonly double[] Powers = [1, 10, 100, 1_000, 10_000];

    /// <summary>A value in this measure's integer units (the value already has at most <see cref="Decimals"/> decimals).</summary>
    public long ToUnits(double value) => (long)Math.Round(value * Powers[Decimals], MidpointRounding.ToEven);

    public double FromUnits(long units) => units / Powers[Decimals];

    public double FromUnits(double units) => units / Powers[Decimals];
}
