using HubAspire.Api.Queries;
using HubAspire.Core.Aggregations;
using HubAspire.Core.Presentation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace HubAspire.Api.Tests.Presentation;

/// <summary>Previous periods and query normalization, with literal cases (month keys: year × 12 + month − 1).</summary>
public sealed class PeriodUnitTests
{
    private static readonly MonthSpan Data = new(Key(2023, 1), Key(2025, 12));

    private static int Key(int year, int month) => year * 12 + month - 1;

    [Fact]
    public void Without_a_period_there_is_no_previous_one() => Assert.Null(DataMonths.Previous(MonthRange.Everything, Data));

    [Fact]
    public void The_previous_period_has_the_same_length_and_ends_just_before()
    {
        Assert.Equal(new MonthRange(Key(2023, 9), Key(2024, 2)), DataMonths.Previous(new MonthRange(Key(2024, 3), Key(2024, 8)), Data));
        Assert.Equal(new MonthRange(Key(2024, 12), Key(2024, 12)), DataMonths.Previous(new MonthRange(Key(2025, 1), Key(2025, 1)), Data));
        // Open ends are the data's first and last month.
        Assert.Equal(new MonthRange(Key(2025, 1), Key(2025, 6)), DataMonths.Previous(new MonthRange(Key(2025, 7), null), Data));
        Assert.Equal(new MonthRange(Key(2022, 10), Key(2022, 12)), DataMonths.Previous(new MonthRange(null, Key(2023, 3)), Data));
        Assert.Null(DataMonths.Previous(new MonthRange(Key(2026, 1), null), Data));
        Assert.Null(DataMonths.Previous(new MonthRange(Key(2024, 1), null), null));
        Assert.Null(DataMonths.Previous(new MonthRange(Key(0, 1), Key(0, 2)), Data));
    }

    /// <remarks>As ASP.NET's query collection, the dictionary's names are case-insensitive.</remarks>
    [Fact]
    public void Spellings_of_one_query_normalize_to_one_key()
    {
        static string KeyOf(params (string Name, string Value)[] parameters) =>
            ApiQuery.Parse(new QueryCollection(parameters.ToDictionary(p => p.Name, p => new StringValues(p.Value), StringComparer.OrdinalIgnoreCase)), csvOffered: true).Query!.Key;

        Assert.Equal("from=2024-01&to=2024-06&format=json", KeyOf(("from", "2024-01"), ("to", "2024-06")));
        Assert.Equal("from=2024-01&to=2024-06&format=json", KeyOf(("TO", "2024-06"), ("From", "2024-01"), ("format", "JSON")));
        Assert.Equal("from=&to=&format=csv", KeyOf(("format", "csv")));
        Assert.Equal("from=&to=&format=json", KeyOf());
    }
}
