namespace HubAspire.Core.Presentation;

/// <summary>How a chart orders its labels (API.md, "Ordering").</summary>
public enum LabelOrderKind
{
    /// <summary>A value list's own order (stages, lifecycle stages, priorities); unknown labels after it, A→Z.</summary>
    Natural,

    /// <summary>Months (<c>YYYY-MM</c>) and quarters (<c>YYYYQn</c>) ascending: their text sorts by time.</summary>
    Chronological,

    /// <summary>Integer labels (hours) ascending by value.</summary>
    Numeric,

    /// <summary>By label A→Z (ordinal).</summary>
    Alphabetical,

    /// <summary>By the first series' shown value, largest first; ties A→Z.</summary>
    FirstSeriesDescending,
}

/// <param name="Values">The natural order, for <see cref="LabelOrderKind.Natural"/> only.</param>
public sealed record LabelOrder(LabelOrderKind Kind, IReadOnlyList<string>? Values = null)
{
    public static readonly LabelOrder Chronological = new(LabelOrderKind.Chronological);
    public static readonly LabelOrder Numeric = new(LabelOrderKind.Numeric);
    public static readonly LabelOrder Alphabetical = new(LabelOrderKind.Alphabetical);
    public static readonly LabelOrder FirstSeriesDescending = new(LabelOrderKind.FirstSeriesDescending);

    public static LabelOrder Natural(IReadOnlyList<string> values) => new(LabelOrderKind.Natural, values);

    /// <summary>Sorts <paramref name="rows"/> (a label and its shown figures) in place.</summary>
    public void Sort(List<(string Label, double?[] Values)> rows)
    {
        switch (Kind)
        {
            case LabelOrderKind.Natural:
                var values = Values ?? throw new InvalidOperationException("A natural order needs its value list.");
                int Rank(string label)
                {
                    for (var i = 0; i < values.Count; i++)
                    {
                        if (values[i] == label)
                        {
                            return i;
                        }
                    }

                    return values.Count;
                }

                rows.Sort((a, b) => Rank(a.Label) - Rank(b.Label) is var byRank and not 0 ? byRank : string.CompareOrdinal(a.Label, b.Label));
                break;
            case LabelOrderKind.Chronological or LabelOrderKind.Alphabetical:
                rows.Sort((a, b) => string.CompareOrdinal(a.Label, b.Label));
                break;
            case LabelOrderKind.Numeric:
                rows.Sort((a, b) => NumericKey(a.Label).CompareTo(NumericKey(b.Label)) is var byValue and not 0
                    ? byValue
                    : string.CompareOrdinal(a.Label, b.Label));
                break;
            case LabelOrderKind.FirstSeriesDescending:
                // A null (no rows) sorts last; it cannot occur for the counts and sums that lead.
                rows.Sort((a, b) => (b.Values[0] ?? double.MinValue).CompareTo(a.Values[0] ?? double.MinValue) is var byValue and not 0
                    ? byValue
                    : string.CompareOrdinal(a.Label, b.Label));
                break;
            default:
                throw new InvalidOperationException($"Unknown label order {Kind}.");
        }
    }

    private static long NumericKey(string label) => long.TryParse(label, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : long.MaxValue;
}
