using System.Text.Json.Nodes;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>
/// Every endpoint over every period: 200, JSON, exactly API.md's keys, labels in API.md's
/// order, and each figure equal to the naive computation from the raw rows after the
/// documented rounding.
/// </summary>
[Collection(LoadedApiCollection.Name)]
public sealed class EndpointTests(LoadedApi api)
{
    [Fact]
    public void The_expected_figures_cover_exactly_the_chart_endpoints() =>
        Assert.Equal(Periods.ChartPaths.Order(), ExpectedApi.Charts(api.Raw, null, null).Keys.Order());

    [Theory]
    [MemberData(nameof(Periods.Charts), MemberType = typeof(Periods))]
    public async Task Each_chart_equals_the_naive_computation_over_every_period(string path)
    {
        foreach (var (name, from, to) in Periods.All)
        {
            var body = await api.Client.GetOkJsonAsync(Http.WithPeriod(path, from, to));
            Expect.Chart(Periods.Expected(api.Raw, from, to)[path], body, $"{path}, {name}");
        }
    }

    [Theory]
    [MemberData(nameof(Periods.Ranges), MemberType = typeof(Periods))]
    public async Task The_kpis_equal_the_naive_computation(string name, string? from, string? to)
    {
        var body = (await api.Client.GetOkJsonAsync(Http.WithPeriod("/api/kpis", from, to))).AsObject();

        var expected = ExpectedApi.Kpis(api.Raw, Periods.Month(from), Periods.Month(to));
        Assert.Equal([.. expected.Select(e => e.Key), "period", "previous"], body.Select(p => p.Key));
        foreach (var (key, figure) in expected)
        {
            Expect.Number(figure, body[key], $"{name}, {key}");
        }

        Assert.Equal(new JsonObject { ["from"] = from ?? "2023-01", ["to"] = to ?? "2025-12" }.ToJsonString(), body["period"]!.ToJsonString());
    }

    [Fact]
    public async Task Without_a_period_the_kpis_cover_all_rows_and_have_no_previous()
    {
        var body = await api.Client.GetOkJsonAsync("/api/kpis");

        Assert.Equal(48_500, body["total_records"]!.GetValue<long>());
        Assert.Equal(3_000, body["total_deals"]!.GetValue<long>());
        Assert.Null(body["previous"]);
        Assert.True(body.AsObject().ContainsKey("previous"));
    }

    [Fact]
    public async Task The_latest_run_is_the_fixture_s_run()
    {
        var body = (await api.Client.GetOkJsonAsync("/api/runs/latest")).AsObject();

        Assert.Equal(["id", "status", "dataset", "started_at", "finished_at", "rows_per_entity", "phase_durations_ms", "trace_id"], body.Select(p => p.Key));
        Assert.Equal(api.RunId, body["id"]!.GetValue<long>());
        Assert.Equal("succeeded", body["status"]!.GetValue<string>());
        var dataset = body["dataset"]!.AsObject();
        Assert.Equal(["seed", "scale", "generator_version", "manifest_created_at", "total_rows"], dataset.Select(p => p.Key));
        Assert.Equal(LoadedApi.Seed, dataset["seed"]!.GetValue<long>());
        Assert.Equal(LoadedApi.Scale, dataset["scale"]!.GetValue<double>());
        Assert.Equal(48_500, dataset["total_rows"]!.GetValue<long>());
        Assert.True(body["finished_at"]!.GetValue<DateTimeOffset>() >= body["started_at"]!.GetValue<DateTimeOffset>());

        var rows = body["rows_per_entity"]!.AsObject();
        Assert.Equal(["companies", "contacts", "deals", "marketing_events", "email_campaigns", "support_tickets", "web_analytics"], rows.Select(p => p.Key));
        Assert.Equal([500L, 5_000, 3_000, 10_000, 8_000, 2_000, 20_000], rows.Select(p => p.Value!.GetValue<long>()));
        Assert.All(body["phase_durations_ms"]!.AsObject(), phase => Assert.True(phase.Value!.GetValue<double>() >= 0, phase.Key));
        Assert.Contains("aggregate", body["phase_durations_ms"]!.AsObject().Select(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(Periods.Ranges), MemberType = typeof(Periods))]
    public async Task Meta_gives_the_data_range_and_the_dimension_values_present_in_the_period(string name, string? from, string? to)
    {
        var body = (await api.Client.GetOkJsonAsync(Http.WithPeriod("/api/meta", from, to))).AsObject();

        Assert.Equal(["run_id", "data_range", "dimensions"], body.Select(p => p.Key));
        Assert.Equal(api.RunId, body["run_id"]!.GetValue<long>());
        var timestamps = ExpectedApi.AllTimestamps(api.Raw).ToList();
        Assert.Equal(ExpectedApi.Month(timestamps.Min()), body["data_range"]!["first_month"]!.GetValue<string>());
        Assert.Equal(ExpectedApi.Month(timestamps.Max()), body["data_range"]!["last_month"]!.GetValue<string>());

        var dimensions = body["dimensions"]!.AsObject();
        var expected = ExpectedApi.Dimensions(api.Raw, Periods.Month(from), Periods.Month(to));
        Assert.Equal(expected.Select(e => e.Entity), dimensions.Select(p => p.Key));
        foreach (var (entity, entityDimensions) in expected)
        {
            var actual = dimensions[entity]!.AsObject();
            Assert.Equal(entityDimensions.Select(d => d.Dimension), actual.Select(p => p.Key));
            foreach (var (dimension, values) in entityDimensions)
            {
                Assert.True(values.SequenceEqual(actual[dimension]!.AsArray().Select(v => v!.GetValue<string>())),
                    $"{name}, {entity}.{dimension}: [{string.Join(", ", actual[dimension]!.AsArray())}], expected [{string.Join(", ", values)}]");
            }
        }
    }
}
