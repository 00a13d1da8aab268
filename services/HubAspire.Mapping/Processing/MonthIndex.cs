using System.Runtime.CompilerServices;
using HubAspire.Core.Features;

namespace HubAspire.Mapping.Processing;

/// <summary>
/// Each row's month as a small index from the row group's first month, computed through a
/// per-day lookup table (a row group spans at most a few thousand days), not a calendar call per row.
/// </summary>
public sealed class MonthIndex
{
    private const long SecondsPerDay = 86_400;

    private MonthIndex(int firstMonth, int count, int[] indices)
    {
        FirstMonth = firstMonth;
        Count = count;
        Indices = indices;
    }

    /// <summary>Month key (<see cref="TimeFeatures.MonthKey(DateTime)"/>) of index 0.</summary>
    public int FirstMonth { get; }

    /// <summary>Months from the first to the last month present.</summary>
    public int Count { get; }

    /// <summary>Per row: month key − <see cref="FirstMonth"/>.</summary>
    public int[] Indices { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static MonthIndex FromUnixSeconds(ReadOnlySpan<long> seconds)
    {
        var indices = new int[seconds.Length];
        if (seconds.IsEmpty)
        {
            return new MonthIndex(0, 0, indices);
        }

        long firstDay = long.MaxValue, lastDay = long.MinValue;
        foreach (var s in seconds)
        {
            var day = Math.DivRem(s, SecondsPerDay, out var rest) - (rest < 0 ? 1 : 0);
            firstDay = Math.Min(firstDay, day);
            lastDay = Math.Max(lastDay, day);
        }

        var firstMonth = TimeFeatures.MonthKey(DateTime.UnixEpoch.AddDays(firstDay));
        var monthOfDay = new int[lastDay - firstDay + 1];
        for (var d = 0; d < monthOfDay.Length; d++)
        {
            monthOfDay[d] = TimeFeatures.MonthKey(DateTime.UnixEpoch.AddDays(firstDay + d)) - firstMonth;
        }

        for (var i = 0; i < seconds.Length; i++)
        {
            var s = seconds[i];
            var day = Math.DivRem(s, SecondsPerDay, out var rest) - (rest < 0 ? 1 : 0);
            indices[i] = monthOfDay[day - firstDay];
        }

        return new MonthIndex(firstMonth, monthOfDay[^1] + 1, indices);
    }
}
