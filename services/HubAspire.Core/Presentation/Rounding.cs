namespace HubAspire.Core.Presentation;

/// <summary>
/// How API.md shows a figure. Every kind rounds half to even on the double value, as .NET's
/// <see cref="Math.Round(double, int, MidpointRounding)"/> and NumPy's <c>round</c> do (ETL.md).
/// </summary>
public enum Rounding
{
    /// <summary>Counts: integers.</summary>
    Count,

    /// <summary>Money: 2 decimals.</summary>
    Money,

    /// <summary>Rates as percentages (×100) with 1 decimal.</summary>
    Percent,

    /// <summary>Conversion rates and unsub_rate: percentages (×100) with 2 decimals.</summary>
    FinePercent,

    /// <summary>Averages of scores and durations: 1 decimal.</summary>
    OneDecimal,

    /// <summary>The average marketing session duration: 0 decimals.</summary>
    Whole,
}

public static class Roundings
{
    /// <summary>The figure as shown; null (a mean or rate over no rows) stays null.</summary>
    public static double? Apply(this Rounding rounding, double? value) => value is not { } v
        ? null
        : rounding switch
        {
            Rounding.Count or Rounding.Whole => Math.Round(v, 0, MidpointRounding.ToEven),
            Rounding.Money => Math.Round(v, 2, MidpointRounding.ToEven),
            Rounding.Percent => Math.Round(v * 100, 1, MidpointRounding.ToEven),
            Rounding.FinePercent => Math.Round(v * 100, 2, MidpointRounding.ToEven),
            Rounding.OneDecimal => Math.Round(v, 1, MidpointRounding.ToEven),
            _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, null),
        };
}
