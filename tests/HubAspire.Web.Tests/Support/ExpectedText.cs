using System.Globalization;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// DASHBOARD.md's formats written out independently of the page's JavaScript: $1.85B / $3.7M /
/// $24.8K, 4.85M / 300K / 12.3K, 25.0 %, x.x/5, "—" for a missing value, and the KPI cards'
/// ▲/▼ change against the previous period.
/// </summary>
public static class ExpectedText
{
    public const string Missing = "—";

    /// <summary>The 15 KPI cards: /api/kpis field → format.</summary>
    public static readonly IReadOnlyDictionary<string, Func<double?, string>> KpiCards = new Dictionary<string, Func<double?, string>>
    {
        ["won_revenue"] = Money,
        ["pipeline_value"] = Money,
        ["total_deals"] = Count,
        ["win_rate"] = v => Percent(v, 1),
        ["avg_deal_size"] = Money,
        ["total_contacts"] = Count,
        ["total_companies"] = Count,
        ["total_sessions"] = Count,
        ["conversion_rate"] = v => Percent(v, 2),
        ["bounce_rate"] = v => Percent(v, 1),
        ["avg_csat"] = v => v is null ? Missing : $"{Fixed(v.Value, 1)}/5",
        ["sla_compliance"] = v => Percent(v, 1),
        ["email_open_rate"] = v => Percent(v, 1),
        ["email_click_rate"] = v => Percent(v, 1),
        ["total_tickets"] = Count,
    };

    public static string Money(double? value) => value switch
    {
        null => Missing,
        < 0 => "-$" + Compact(-value.Value),
        _ => "$" + Compact(value.Value),
    };

    public static string Count(double? value) => value is null ? Missing : Compact(value.Value);

    public static string Percent(double? value, int decimals) => value is null ? Missing : Fixed(value.Value, decimals) + "%";

    /// <summary>Money in full, for tooltips: "$1,293,885,938" (rounded half away from zero to whole dollars).</summary>
    public static string MoneyExact(double? value) => value switch
    {
        null => Missing,
        < 0 => "-$" + Thousands(-value.Value),
        _ => "$" + Thousands(value.Value),
    };

    /// <summary>An exact count with thousands separators: "84,282".</summary>
    public static string Integer(double? value) => value is null ? Missing : (value < 0 ? "-" : "") + Thousands(Math.Abs(value.Value));

    public static string Decimal(double? value, int decimals) => value is null ? Missing : Fixed(value.Value, decimals);

    public static string Hours(double? value) => value is null ? Missing : Fixed(value.Value, 1) + "h";

    public static string Score(double? value) => value is null ? Missing : Fixed(value.Value, 1) + "/5";

    /// <summary>Seconds as "3m 0s" or "45s".</summary>
    public static string Duration(double? seconds)
    {
        if (seconds is null)
        {
            return Missing;
        }

        var whole = (long)Math.Round(seconds.Value, MidpointRounding.AwayFromZero);
        return whole >= 60 ? $"{whole / 60}m {whole % 60}s" : $"{whole}s";
    }

    /// <summary>A slice's share of the whole as the pie charts show it: "25.0%".</summary>
    public static string Share(IReadOnlyList<double?> values, int index) =>
        Fixed(values[index]!.Value / values.Sum(v => v ?? 0) * 100, 1) + "%";

    /// <summary>A month label as the page shows it: "2024-01" → "Jan 2024".</summary>
    public static string Month(string label) =>
        DateTime.ParseExact(label, "yyyy-MM", CultureInfo.InvariantCulture).ToString("MMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>"▲ 3.7%" / "▼ 1.4%" / "■ 0.0%": relative change, half away from zero to one decimal; null without a usable previous value.</summary>
    public static string? Delta(double? current, double? previous)
    {
        if (current is null || previous is null || previous == 0)
        {
            return null;
        }

        var change = Math.Round((current.Value - previous.Value) / Math.Abs(previous.Value) * 100, 1, MidpointRounding.AwayFromZero);
        var arrow = change > 0 ? "▲" : change < 0 ? "▼" : "■";
        return $"{arrow} {Fixed(Math.Abs(change), 1)}%";
    }

    private static string Compact(double value) => value switch
    {
        >= 1e9 => Trimmed(value / 1e9, 2) + "B",
        >= 1e6 => Trimmed(value / 1e6, 2) + "M",
        >= 1e3 => Trimmed(value / 1e3, 1) + "K",
        >= 100 => Trimmed(value, 0),
        _ => Trimmed(value, 1),
    };

    private static string Trimmed(double value, int decimals)
    {
        var text = Fixed(value, decimals);
        return text.Contains('.') ? text.TrimEnd('0').TrimEnd('.') : text;
    }

    private static string Thousands(double value) =>
        Math.Round(value, MidpointRounding.AwayFromZero).ToString("#,##0", CultureInfo.InvariantCulture);

    private static string Fixed(double value, int decimals) => value.ToString("F" + decimals, CultureInfo.InvariantCulture);
}
