using HubAspire.Core.Features;
using HubAspire.Datasets.Parquet;
using HubAspire.Mapping.Processing;

namespace HubAspire.Mapping.Entities;

/// <summary>
/// The calendar features of ETL.md (month, quarter, hour, day of week) of one row group's
/// timestamp column. Month and quarter labels are made once per month present, through the same
/// per-day <see cref="MonthIndex"/> the cubes use, not as a new string per row.
/// </summary>
public sealed class CalendarColumns
{
    private readonly MonthIndex _months;
    private readonly ReadOnlyMemory<DateTime> _timestamps;

    /// <param name="unixSeconds">The raw timestamps, as read.</param>
    /// <param name="timestamps">The same instants as UTC <see cref="DateTime"/> (the processed batch's copy).</param>
    public CalendarColumns(ReadOnlySpan<long> unixSeconds, ReadOnlyMemory<DateTime> timestamps)
    {
        _months = MonthIndex.FromUnixSeconds(unixSeconds);
        _timestamps = timestamps;
    }

    /// <summary><c>YYYY-MM</c>.</summary>
    public void Month(StringColumn target) => ByMonth(target, TimeFeatures.Month);

    /// <summary><c>YYYYQn</c>.</summary>
    public void Quarter(StringColumn target) => ByMonth(target, TimeFeatures.Quarter);

    /// <summary>0–23.</summary>
    public void Hour(int[] target)
    {
        var timestamps = _timestamps.Span;
        for (var i = 0; i < timestamps.Length; i++)
        {
            target[i] = TimeFeatures.Hour(timestamps[i]);
        }
    }

    /// <summary>English day name.</summary>
    public void DayOfWeek(StringColumn target)
    {
        var timestamps = _timestamps.Span;
        for (var i = 0; i < timestamps.Length; i++)
        {
            target[i] = TimeFeatures.DayOfWeek(timestamps[i]);
        }
    }

    private void ByMonth(StringColumn target, Func<int, string> label)
    {
        var labels = new string[_months.Count];
        for (var m = 0; m < labels.Length; m++)
        {
            labels[m] = label(_months.FirstMonth + m);
        }

        var indices = _months.Indices;
        for (var i = 0; i < indices.Length; i++)
        {
            target[i] = labels[indices[i]];
        }
    }
}
