using HubAspire.Core.Schema;

namespace HubAspire.Core.Aggregations;

/// <summary>
/// One entity's month-grain cube: for every month × dimension × label, the sums of
/// <see cref="Measures"/>. Each of the entity's aggregations is this cube summed over a month
/// range and grouped by one dimension (or by month or quarter on <see cref="AllDimension"/>).
/// </summary>
/// <param name="Entity">Source entity.</param>
/// <param name="MonthColumn">The timestamp that places a row in a month.</param>
/// <param name="Dimensions">Group-by columns; the first is always <see cref="AllDimension"/>.</param>
/// <param name="Measures">Components; the first is always <see cref="Measure.Rows"/>.</param>
public sealed record CubeDefinition(EntitySchema Entity, string MonthColumn, IReadOnlyList<string> Dimensions, IReadOnlyList<Measure> Measures)
{
    /// <summary>The dimension with a single label: whole-entity totals per month (KPIs, by-month and by-quarter aggregations).</summary>
    public const string AllDimension = "all";

    public const string AllLabel = "all";

    public string Name => Entity.Name;

    public int DimensionIndex(string dimension)
    {
        var index = Dimensions.IndexOf(dimension);
        return index >= 0 ? index : throw new KeyNotFoundException($"The {Name} cube has no dimension '{dimension}'.");
    }

    public int MeasureIndex(string measure)
    {
        for (var i = 0; i < Measures.Count; i++)
        {
            if (Measures[i].Name == measure)
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The {Name} cube has no measure '{measure}'.");
    }
}

file static class ListExtensions
{
    public static int IndexOf(this IReadOnlyList<string> list, string value)
    {
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i] == value)
            {
                return i;
            }
        }

        return -1;
    }
}
