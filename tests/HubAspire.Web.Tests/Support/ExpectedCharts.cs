using System.Text.Json.Nodes;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// What each of the dashboard's 23 Chart.js charts must hold, written from DASHBOARD.md against
/// the API's JSON (itself checked against a naive computation in the API tests): the route it
/// reads, its labels and the API columns it draws, cut to a top N or put on a 0–100 scale where
/// the spec says so.
/// </summary>
public static class ExpectedCharts
{
    public sealed record Expectation(string Tab, string Route, Func<JsonNode, (JsonArray Labels, JsonArray[] Series)> FromApi)
    {
        /// <summary>Where a person reads the chart's labels.</summary>
        public LabelPlace LabelPlace { get; init; } = LabelPlace.CategoryAxis;
    }

    /// <summary>Where a chart's labels are drawn.</summary>
    public enum LabelPlace
    {
        /// <summary>Every label, as sent, on the category axis (bars).</summary>
        CategoryAxis,

        /// <summary>Months as "Jan 2024" on the category axis, thinned out when crowded (trend lines).</summary>
        MonthAxis,

        /// <summary>Every label in the legend (doughnut, polar area).</summary>
        Legend,

        /// <summary>Every label around the circle (radar).</summary>
        PointLabels,
    }

    public static readonly IReadOnlyDictionary<string, Expectation> All = new Dictionary<string, Expectation>
    {
        ["overview-revenue-trend"] = new("overview", "revenue-trend", Datasets) { LabelPlace = LabelPlace.MonthAxis },
        ["records-per-entity"] = new("overview", "kpis", kpis => (
            Strings("Web sessions", "Marketing events", "Email events", "Contacts", "Deals", "Support tickets", "Companies"),
            [Values(kpis, "total_sessions", "total_marketing_events", "total_email_events", "total_contacts", "total_deals", "total_tickets", "total_companies")])),
        ["revenue-trend"] = new("revenue", "revenue-trend", Datasets) { LabelPlace = LabelPlace.MonthAxis },
        ["revenue-quarterly"] = new("revenue", "revenue/quarterly", api => Columns(api, "total_revenue", "won_revenue", "weighted_pipeline")),
        ["revenue-by-region"] = new("revenue", "deals/region", api => Columns(api, "revenue")),
        ["revenue-by-industry"] = new("revenue", "deals/industry", api => Top(10, Columns(api, "revenue"))),
        ["revenue-by-pipeline"] = new("revenue", "deals/pipeline", api => Columns(api, "revenue")) { LabelPlace = LabelPlace.Legend },
        ["marketing-channels"] = new("marketing", "marketing/channels", api =>
            (Labels(api), [PercentOfMax(api["event_count"]!.AsArray()), Copy(api["engagement_rate"]!)])) { LabelPlace = LabelPlace.PointLabels },
        ["marketing-trend"] = new("marketing", "marketing/trend", Datasets) { LabelPlace = LabelPlace.MonthAxis },
        ["marketing-event-types"] = new("marketing", "marketing/events", api => Columns(api, "event_count")) { LabelPlace = LabelPlace.Legend },
        ["email-performance"] = new("email", "email/performance", api => Columns(api, "open_rate", "click_rate", "bounce_rate", "unsub_rate")),
        ["email-trend"] = new("email", "email/trend", Datasets) { LabelPlace = LabelPlace.MonthAxis },
        ["email-by-hour"] = new("email", "email/by-hour", api => Columns(api, "open_rate", "click_rate")),
        ["contacts-by-source"] = new("contacts", "contacts/source", api => Columns(api, "count")) { LabelPlace = LabelPlace.Legend },
        ["score-by-source"] = new("contacts", "contacts/source", api => Columns(api, "avg_score", "avg_engagement")),
        ["support-by-priority"] = new("support", "support/priority", api => Columns(api, "ticket_count", "sla_compliance")),
        ["support-by-category"] = new("support", "support/category", api => Columns(api, "ticket_count")),
        ["web-by-country"] = new("web", "web/country", api => Top(15, Columns(api, "sessions"))),
        ["web-by-device"] = new("web", "web/device", api => Columns(api, "sessions")) { LabelPlace = LabelPlace.Legend },
        ["web-trend"] = new("web", "web/trend", Datasets) { LabelPlace = LabelPlace.MonthAxis },
        ["companies-by-industry"] = new("companies", "companies/industry", api => Columns(api, "count")),
        ["companies-by-region"] = new("companies", "companies/region", api => Columns(api, "count")) { LabelPlace = LabelPlace.Legend },
        ["revenue-by-company-region"] = new("companies", "companies/region", api => Columns(api, "avg_revenue")),
    };

    public static readonly string[] Tabs = ["overview", "revenue", "marketing", "email", "contacts", "support", "web", "companies"];

    private static (JsonArray, JsonArray[]) Datasets(JsonNode api) =>
        (Labels(api), [.. api["datasets"]!.AsArray().Select(d => Copy(d!["data"]!))]);

    private static (JsonArray, JsonArray[]) Columns(JsonNode api, params string[] keys) =>
        (Labels(api), [.. keys.Select(k => Copy(api[k] ?? throw new KeyNotFoundException($"The API response has no '{k}'.")))]);

    private static (JsonArray, JsonArray[]) Top(int n, (JsonArray Labels, JsonArray[] Series) chart) =>
        (new JsonArray([.. chart.Labels.Take(n).Select(l => l?.DeepClone())]),
         [.. chart.Series.Select(s => new JsonArray([.. s.Take(n).Select(v => v?.DeepClone())]))]);

    /// <summary>Each count as a percentage of the largest, rounded half up to one decimal (the radar's common scale).</summary>
    private static JsonArray PercentOfMax(JsonArray counts)
    {
        var values = counts.Select(c => (double)c!).ToArray();
        var max = values.Max();
        return new JsonArray([.. values.Select(v => (JsonNode)(Math.Round(v / max * 1000, MidpointRounding.AwayFromZero) / 10))]);
    }

    private static JsonArray Labels(JsonNode api) => Copy(api["labels"]!);

    private static JsonArray Copy(JsonNode node) => node.DeepClone().AsArray();

    private static JsonArray Strings(params string[] values) => new([.. values.Select(v => (JsonNode)v)]);

    private static JsonArray Values(JsonNode source, params string[] keys) => new([.. keys.Select(k => source[k]!.DeepClone())]);
}
