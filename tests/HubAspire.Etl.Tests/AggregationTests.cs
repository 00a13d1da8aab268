using HubAspire.Core.Aggregations;
using HubAspire.Etl.Tests.Support;

namespace HubAspire.Etl.Tests;

/// <summary>
/// Every aggregation and KPI, as served from the cubes in PostgreSQL, equals the naive LINQ
/// computation over the same raw rows — for the whole range and for any month range.
/// </summary>
public sealed class AggregationTests(LoadedDatasetFixture loaded) : IClassFixture<LoadedDatasetFixture>
{
    public static TheoryData<string> Names => new(AggregationCatalog.All.Select(a => a.Name));

    private static readonly (string Description, string? From, string? To)[] RangeList =
    [
        ("whole range", null, null),
        ("a range", "2024-03", "2024-08"),
        ("one month", "2025-12", "2025-12"),
        ("open start", null, "2023-02"),
        ("no data", "2030-01", "2030-06"),
    ];

    public static TheoryData<string, string?, string?> Ranges => new(RangeList.Select(r => new TheoryDataRow<string, string?, string?>(r.Description, r.From, r.To)));

    [Fact]
    public void There_are_exactly_the_22_aggregations_of_the_spec()
    {
        Assert.Equal(Enumerable.Range(1, 22), AggregationCatalog.All.Select(a => a.Number));
        Assert.Equal(NaiveFigures.Aggregations(loaded.Raw, null, null).Keys.Order(), AggregationCatalog.All.Select(a => a.Name).Order());
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Each_aggregation_equals_the_naive_computation_over_every_range(string name)
    {
        var aggregation = AggregationCatalog.Get(name);
        foreach (var (description, from, to) in RangeList)
        {
            var (fromMonth, toMonth) = (Month(from), Month(to));
            var expected = NaiveFigures.Aggregations(loaded.Raw, fromMonth, toMonth)[name];
            var actual = CubeEvaluator.Evaluate(aggregation, loaded.Cube(aggregation.Cube), new MonthRange(fromMonth, toMonth))
                .ToDictionary(r => r.Label, r => r.Values);

            Assert.True(expected.Keys.Order().SequenceEqual(actual.Keys.Order()), $"{name}, {description}: labels differ");
            foreach (var (label, values) in expected)
            {
                Close(values, actual[label], $"{name}, {description}, {label}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Ranges))]
    public void Every_kpi_equals_the_naive_computation(string description, string? from, string? to)
    {
        var expected = NaiveFigures.Kpis(loaded.Raw, Month(from), Month(to));
        var actual = CubeEvaluator.EvaluateKpis(loaded.Cubes, new MonthRange(Month(from), Month(to)));

        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (kpi, value) in expected)
        {
            Close([value], [actual[kpi]], $"{kpi}, {description}");
        }
    }

    [Fact]
    public void The_whole_dataset_is_in_the_cubes()
    {
        var kpis = CubeEvaluator.EvaluateKpis(loaded.Cubes, MonthRange.Everything);

        Assert.Equal(48_500, kpis["total_records"]);
        Assert.Equal(500, kpis["total_companies"]);
        Assert.Equal(20_000, kpis["total_sessions"]);
    }

    private static int? Month(string? text) => text is null ? null : Core.Features.TimeFeatures.ParseMonth(text);

    /// <summary>Equal to 1e-9 relative (money sums are exact cents on both sides).</summary>
    private static void Close(IReadOnlyList<double?> expected, IReadOnlyList<double?> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} figures, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] is not { } e || actual[i] is not { } a)
            {
                Assert.True(expected[i] is null && actual[i] is null, $"{what}, figure {i}: expected {expected[i]}, got {actual[i]}");
                continue;
            }

            Assert.True(Math.Abs(e - a) <= 1e-9 * Math.Max(1, Math.Abs(e)), $"{what}, figure {i}: expected {e:R}, got {a:R}");
        }
    }
}
