using System.Net;
using System.Text.Json.Nodes;
using HubAspire.Api.Tests.Support;

namespace HubAspire.Api.Tests;

/// <summary>/api/dashboard holds exactly API.md's dashboard keys, each equal to its own endpoint for the same query.</summary>
[Collection(LoadedApiCollection.Name)]
public sealed class DashboardTests(LoadedApi api)
{
    /// <summary>API.md's "dashboard key" column, in its order, with the endpoint each stands for.</summary>
    private static readonly (string Key, string Path)[] Keys =
    [
        ("kpis", "/api/kpis"), ("revenue_trend", "/api/revenue-trend"), ("deals_by_stage", "/api/deals/stages"),
        ("deals_by_region", "/api/deals/region"), ("deals_by_industry", "/api/deals/industry"), ("deals_by_pipeline", "/api/deals/pipeline"),
        ("marketing_channels", "/api/marketing/channels"), ("marketing_trend", "/api/marketing/trend"),
        ("marketing_event_types", "/api/marketing/events"), ("email_performance", "/api/email/performance"),
        ("email_trend", "/api/email/trend"), ("email_by_hour", "/api/email/by-hour"), ("contacts_lifecycle", "/api/contacts/lifecycle"),
        ("contacts_by_source", "/api/contacts/source"), ("support_by_category", "/api/support/category"),
        ("support_by_priority", "/api/support/priority"), ("web_top_pages", "/api/web/pages"), ("web_by_country", "/api/web/country"),
        ("web_by_device", "/api/web/device"), ("web_trend", "/api/web/trend"), ("companies_by_industry", "/api/companies/industry"),
        ("companies_by_region", "/api/companies/region"),
    ];

    [Theory]
    [MemberData(nameof(Periods.Ranges), MemberType = typeof(Periods))]
    public async Task The_dashboard_holds_exactly_the_dashboard_keys_each_equal_to_its_endpoint(string name, string? from, string? to)
    {
        var dashboard = (await api.Client.GetOkJsonAsync(Http.WithPeriod("/api/dashboard", from, to))).AsObject();

        Assert.Equal(Keys.Select(k => k.Key), dashboard.Select(p => p.Key));
        foreach (var (key, path) in Keys)
        {
            var own = await api.Client.GetOkJsonAsync(Http.WithPeriod(path, from, to));
            Assert.True(JsonNode.DeepEquals(own, dashboard[key]), $"{name}: dashboard.{key} differs from {path}");
        }
    }

    [Fact]
    public async Task The_dashboard_is_json_only()
    {
        var (response, problem) = await api.Client.GetJsonAsync("/api/dashboard?format=csv");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("format", problem!["parameter"]!.GetValue<string>());
    }
}
