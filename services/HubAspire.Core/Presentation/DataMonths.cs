using HubAspire.Core.Aggregations;

namespace HubAspire.Core.Presentation;

/// <summary>The first and last month (month keys, <see cref="Features.TimeFeatures.MonthKey(int, int)"/>) holding any row.</summary>
public readonly record struct MonthSpan(int First, int Last);

/// <summary>The data range of a run and the periods derived from it.</summary>
public static class DataMonths
{
    /// <summary>Null when the run holds no rows at all.</summary>
    public static MonthSpan? Of(IReadOnlyList<CubeCells> cubes)
    {
        int? first = null, last = null;
        foreach (var cube in cubes)
        {
            foreach (var (key, _) in cube.Cells)
            {
                first = first is { } f && f <= key.Month ? f : key.Month;
                last = last is { } l && l >= key.Month ? l : key.Month;
            }
        }

        return first is { } a && last is { } b ? new MonthSpan(a, b) : null;
    }

    /// <summary>The selected months with open ends filled in from the data range.</summary>
    public static (int From, int To) Bounds(MonthRange selected, MonthSpan data) => (selected.From ?? data.First, selected.To ?? data.Last);

    /// <summary>
    /// The period of equal length just before the selected one, for KPI deltas. Null when no
    /// period was selected (both ends open), the run holds no rows, or an open end makes the
    /// selection hold no month (e.g. only <c>from</c>, after the data's last month), or the
    /// previous period would start before year 0.
    /// </summary>
    public static MonthRange? Previous(MonthRange selected, MonthSpan? data)
    {
        if (selected is { From: null, To: null } || data is not { } span)
        {
            return null;
        }

        var (from, to) = Bounds(selected, span);
        if (to < from)
        {
            return null;
        }

        var length = to - from + 1;
        return from - length < 0 ? null : new MonthRange(from - length, from - 1);
    }
}
