using System.Text.Json.Nodes;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>The period filter: the whole range is no filter, and the KPIs' previous period.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class PeriodTests(LoadedApi api)
{
    [Theory]
    [MemberData(nameof(Periods.Charts), MemberType = typeof(Periods))]
    public async Task The_whole_range_or_beyond_it_gives_the_same_chart_as_no_filter(string path)
    {
        var unfiltered = await api.Client.GetOkJsonAsync(path);

        foreach (var (from, to) in new[] { ("2023-01", "2025-12"), ("2020-01", "2030-12"), ("2023-01", null), (null, "2025-12") })
        {
            var filtered = await api.Client.GetOkJsonAsync(Http.WithPeriod(path, from, to));
            Assert.True(JsonNode.DeepEquals(unfiltered, filtered), $"{path} from {from} to {to}");
        }
    }

    [Fact]
    public async Task The_whole_range_gives_the_same_kpis_as_no_filter_with_an_empty_previous_period()
    {
        var unfiltered = (await api.Client.GetOkJsonAsync("/api/kpis")).AsObject();
        var whole = (await api.Client.GetOkJsonAsync("/api/kpis?from=2023-01&to=2025-12")).AsObject();

        foreach (var (key, value) in unfiltered.Where(p => p.Key != "previous"))
        {
            Assert.True(JsonNode.DeepEquals(value, whole[key]), key);
        }

        // A period was given, so there is a previous one: the 36 months before the data, without rows.
        var previous = whole["previous"]!;
        Assert.Equal("""{"from":"2020-01","to":"2022-12"}""", previous["period"]!.ToJsonString());
        Assert.Equal(0, previous["total_records"]!.GetValue<long>());
        Assert.Equal(0, previous["total_revenue"]!.GetValue<double>());
        Assert.Null(previous["win_rate"]);
        Assert.Null(previous["avg_csat"]);
    }

    [Theory]
    [InlineData("2024-03", "2024-08", "2023-09", "2024-02")]
    [InlineData("2025-12", "2025-12", "2025-11", "2025-11")]
    [InlineData("2024-01", "2024-12", "2023-01", "2023-12")]
    [InlineData("2025-07", null, "2025-01", "2025-06")]
    [InlineData(null, "2023-06", "2022-07", "2022-12")]
    public async Task Previous_holds_the_same_kpis_for_the_preceding_period_of_equal_length(string? from, string? to, string previousFrom, string previousTo)
    {
        var kpis = (await api.Client.GetOkJsonAsync(Http.WithPeriod("/api/kpis", from, to))).AsObject();

        var previous = kpis["previous"]!.AsObject();
        var expected = ExpectedApi.Kpis(api.Raw, Periods.Month(previousFrom), Periods.Month(previousTo));
        Assert.Equal([.. expected.Select(e => e.Key), "period"], previous.Select(p => p.Key));
        foreach (var (key, figure) in expected)
        {
            Expect.Number(figure, previous[key], $"previous {key}");
        }

        Assert.Equal(previousFrom, previous["period"]!["from"]!.GetValue<string>());
        Assert.Equal(previousTo, previous["period"]!["to"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_period_after_the_data_with_an_open_end_has_no_previous_period()
    {
        var kpis = await api.Client.GetOkJsonAsync("/api/kpis?from=2030-01");

        Assert.Equal(0, kpis["total_records"]!.GetValue<long>());
        Assert.Null(kpis["previous"]);
    }
}
