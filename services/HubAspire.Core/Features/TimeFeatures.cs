using System.Globalization;

namespace HubAspire.Core.Features;

/// <summary>Calendar features of an entity's UTC timestamp (ETL.md): month, quarter, hour, day of week.</summary>
public static class TimeFeatures
{
    /// <summary>Months since year 0 (year × 12 + month − 1): the month key of every cube.</summary>
    public static int MonthKey(DateTime utc) => utc.Year * 12 + utc.Month - 1;

    /// <summary>Month key of a Unix time in seconds, without building a DateTime.</summary>
    public static int MonthKey(long unixSeconds) => MonthKey(DateTime.UnixEpoch.AddSeconds(unixSeconds));

    public static int YearOf(int monthKey) => monthKey / 12;

    /// <summary>1–12.</summary>
    public static int MonthOf(int monthKey) => monthKey % 12 + 1;

    public static int MonthKey(int year, int month) => year * 12 + month - 1;

    /// <summary><c>YYYY-MM</c>.</summary>
    public static string Month(int monthKey) => $"{YearOf(monthKey):D4}-{MonthOf(monthKey):D2}";

    /// <summary><c>YYYYQn</c>, e.g. <c>2024Q3</c>.</summary>
    public static string Quarter(int monthKey) => $"{YearOf(monthKey):D4}Q{(MonthOf(monthKey) - 1) / 3 + 1}";

    /// <summary>Parses <c>YYYY-MM</c> (month 01–12); null when malformed.</summary>
    public static int? ParseMonth(string text) =>
        text.Length == 7 && text[4] == '-'
        && int.TryParse(text.AsSpan(0, 4), NumberStyles.None, CultureInfo.InvariantCulture, out var year)
        && int.TryParse(text.AsSpan(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var month)
        && month is >= 1 and <= 12
            ? MonthKey(year, month)
            : null;

    public static int Hour(DateTime utc) => utc.Hour;

    /// <summary>English day name, e.g. <c>Monday</c>.</summary>
    public static string DayOfWeek(DateTime utc) => utc.DayOfWeek.ToString();
}
