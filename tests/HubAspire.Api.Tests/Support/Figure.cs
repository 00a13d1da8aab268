namespace HubAspire.Api.Tests.Support;

/// <summary>
/// An expected figure: its exact value from the raw rows (decimal arithmetic, percentages
/// already ×100) and the decimals API.md shows it with. Null for a mean or rate over no rows.
/// </summary>
public readonly record struct Figure(decimal? Exact, int Decimals)
{
    /// <summary>Rounded half to even, exactly.</summary>
    public decimal? Shown => Exact is { } e ? Math.Round(e, Decimals, MidpointRounding.ToEven) : null;

    /// <summary>
    /// Exactly halfway between two shown values. The API rounds the double it computed, which
    /// may sit a hair either side of the tie, so either neighbour is right there.
    /// </summary>
    public bool IsTie => Exact is { } e && Math.Abs(e * Unit(Decimals) % 1) == 0.5m;

    public bool IsCount => Decimals == 0;

    public static Figure Count(long n) => new(n, 0);

    public static Figure Money(decimal sum) => new(sum, 2);

    /// <summary>A share as a percentage with <paramref name="decimals"/> decimals; null over no rows.</summary>
    public static Figure Percent(long part, long whole, int decimals = 1) => new(whole == 0 ? null : 100m * part / whole, decimals);

    public static Figure Mean(decimal sum, long count, int decimals) => new(count == 0 ? null : sum / count, decimals);

    /// <summary>10^<paramref name="power"/>: the shown value's last unit is Unit(Decimals).</summary>
    public static decimal Unit(int power) => power >= 0 ? Pow(power) : 1m / Pow(-power);

    public override string ToString() => Exact is null ? "null" : $"{Shown} (exact {Exact})";

    private static decimal Pow(int n)
    {
        var p = 1m;
        for (var i = 0; i < n; i++)
        {
            p *= 10;
        }

        return p;
    }
}
