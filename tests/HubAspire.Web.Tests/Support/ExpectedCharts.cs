using System.Text.Json.Nodes;
using static HubAspire.Web.Tests.Support.ExpectedText;

namespace HubAspire.Web.Tests.Support;

/// <summary>
/// What each of the dashboard's 23 Chart.js charts must hold and show, written from the
/// dashboard's specification against the API's JSON (itself checked against a naive computation
/// in the API tests): the route it reads, its labels and the API columns it draws (cut to a top N
/// or put on a 0–100 scale where the spec says so), and what a person reads: where the labels are,
/// the legend, the value axes' formats, each series' name and format in tooltips and in the
/// chart's table, and the tooltip's extra lines.
/// </summary>
public static class ExpectedCharts
{
    /// <summary>A chart kind, as far as what is drawn differs.</summary>
    public enum Kind
    {
        /// <summary>A trend: months as "Jan 2024" on the x axis, thinned out when crowded; one tooltip for all series at a month.</summary>
        Line,

        /// <summary>Every label, as sent, on the x axis; one tooltip for all series at a label.</summary>
        Bar,

        /// <summary>Every label, as sent, on the y axis (left); values along x.</summary>
        HorizontalBar,

        /// <summary>Labels in the legend; the tooltip adds the slice's share.</summary>
        Doughnut,

        /// <summary>Labels in the legend.</summary>
        PolarArea,

        /// <summary>Labels around the circle; the tooltip names the series under the pointer.</summary>
        Radar,
    }

    /// <summary>A series as a person reads it: its name (null: the API's own dataset label) and the format of its figures.</summary>
    public sealed record SeriesText(string? Name, Func<double?, string> Format);

    public sealed record Expectation(string Tab, string Route, Kind Kind, Func<JsonNode, (JsonArray Labels, JsonArray[] Series)> FromApi)
    {
        /// <summary>The name of the labels: the first column of the chart's table.</summary>
        public string LabelName { get; init; } = Kind == Kind.Line ? "Month" : "";

        public required SeriesText[] Series { get; init; }

        /// <summary>The format of the value axis's ticks (y, or x for horizontal bars); null when the chart has no value ticks.</summary>
        public Func<double?, string>? ValueAxis { get; init; }

        /// <summary>The right-hand axis's tick format, when a series is drawn against it.</summary>
        public Func<double?, string>? RightAxis { get; init; }

        /// <summary>The right-hand axis's fixed top, if any.</summary>
        public double? RightMax { get; init; }

        /// <summary>The tooltip's lines under the figures (and the table's "Details"), from the API response and the label's index.</summary>
        public Func<JsonNode, int, string[]>? Extra { get; init; }

        /// <summary>The series' names as shown: the card's own, or the API's dataset labels.</summary>
        public string[] SeriesNames(JsonNode api) =>
            [.. Series.Select((s, i) => s.Name ?? (string)api["datasets"]![i]!["label"]!)];

        /// <summary>A label as the chart shows it.</summary>
        public string ShowLabel(string label) => Kind == Kind.Line ? Month(label) : label;
    }

    private static Func<double?, string> Pct(int decimals) => v => Percent(v, decimals);

    private static Func<double?, string> Dec(int decimals) => v => Decimal(v, decimals);

    private static SeriesText S(string? name, Func<double?, string> format) => new(name, format);

    private static string[] WinRateAndDeals(JsonNode api, int i) =>
        [$"Win rate: {Percent(Num(api["win_rate"]![i]), 1)}", $"Deals: {Integer(Num(api["deal_count"]![i]))}"];

    private static Expectation RevenueTrend(string tab) => new(tab, "revenue-trend", Kind.Line, Datasets)
    {
        Series = [S(null, MoneyExact), S(null, MoneyExact), S(null, MoneyExact)],
        ValueAxis = Money,
    };

    public static readonly IReadOnlyDictionary<string, Expectation> All = new Dictionary<string, Expectation>
    {
        ["overview-revenue-trend"] = RevenueTrend("overview"),
        ["records-per-entity"] = new("overview", "kpis", Kind.HorizontalBar, kpis => (
            Strings("Web sessions", "Marketing events", "Email events", "Contacts", "Deals", "Support tickets", "Companies"),
            [Values(kpis, "total_sessions", "total_marketing_events", "total_email_events", "total_contacts", "total_deals", "total_tickets", "total_companies")]))
        {
            LabelName = "Entity", Series = [S("Records", Integer)], ValueAxis = Count,
        },
        ["revenue-trend"] = RevenueTrend("revenue"),
        ["revenue-quarterly"] = new("revenue", "revenue/quarterly", Kind.Bar, api => Columns(api, "total_revenue", "won_revenue", "weighted_pipeline"))
        {
            LabelName = "Quarter",
            Series = [S("Total deal value", MoneyExact), S("Won revenue", MoneyExact), S("Weighted pipeline", MoneyExact)],
            ValueAxis = Money,
            Extra = WinRateAndDeals,
        },
        ["revenue-by-region"] = new("revenue", "deals/region", Kind.HorizontalBar, api => Columns(api, "revenue"))
        {
            LabelName = "Region", Series = [S("Revenue", MoneyExact)], ValueAxis = Money, Extra = WinRateAndDeals,
        },
        ["revenue-by-industry"] = new("revenue", "deals/industry", Kind.Bar, api => Top(10, Columns(api, "revenue")))
        {
            LabelName = "Industry", Series = [S("Revenue", MoneyExact)], ValueAxis = Money, Extra = WinRateAndDeals,
        },
        ["revenue-by-pipeline"] = new("revenue", "deals/pipeline", Kind.Doughnut, api => Columns(api, "revenue"))
        {
            LabelName = "Pipeline", Series = [S("Revenue", MoneyExact)], Extra = WinRateAndDeals,
        },
        ["marketing-channels"] = new("marketing", "marketing/channels", Kind.Radar, api =>
            (Labels(api), [PercentOfMax(api["event_count"]!.AsArray()), Copy(api["engagement_rate"]!)]))
        {
            LabelName = "Channel",
            Series = [S("Volume (% of max)", v => $"{Percent(v, 1)} of the busiest channel"), S("Engagement %", Pct(1))],
            Extra = (api, i) => [$"Events: {Integer(Num(api["event_count"]![i]))}", $"Avg duration: {Duration(Num(api["avg_duration"]![i]))}"],
        },
        ["marketing-trend"] = new("marketing", "marketing/trend", Kind.Line, Datasets)
        {
            Series = [S(null, Integer), S(null, Pct(1))], ValueAxis = Count, RightAxis = Pct(0),
        },
        ["marketing-event-types"] = new("marketing", "marketing/events", Kind.PolarArea, api => Columns(api, "event_count"))
        {
            LabelName = "Event type", Series = [S("Events", Integer)],
            Extra = (api, i) => [$"Engagement: {Percent(Num(api["engagement_rate"]![i]), 1)}"],
        },
        ["email-performance"] = new("email", "email/performance", Kind.Bar, api => Columns(api, "open_rate", "click_rate", "bounce_rate", "unsub_rate"))
        {
            LabelName = "Campaign type",
            Series = [S("Open %", Pct(1)), S("Click %", Pct(1)), S("Bounce %", Pct(1)), S("Unsubscribe %", Pct(2))],
            ValueAxis = Pct(0),
        },
        ["email-trend"] = new("email", "email/trend", Kind.Line, Datasets)
        {
            Series = [S(null, Pct(1)), S(null, Pct(1))], ValueAxis = Pct(0),
        },
        ["email-by-hour"] = new("email", "email/by-hour", Kind.Bar, api => Columns(api, "open_rate", "click_rate"))
        {
            LabelName = "Send hour", Series = [S("Open %", Pct(1)), S("Click %", Pct(1))], ValueAxis = Pct(0),
        },
        ["contacts-by-source"] = new("contacts", "contacts/source", Kind.Doughnut, api => Columns(api, "count"))
        {
            LabelName = "Lead source", Series = [S("Contacts", Integer)],
        },
        ["score-by-source"] = new("contacts", "contacts/source", Kind.Bar, api => Columns(api, "avg_score", "avg_engagement"))
        {
            LabelName = "Lead source", Series = [S("Avg lead score", Dec(1)), S("Avg engagement", Dec(1))], ValueAxis = Dec(0), RightAxis = Dec(0),
        },
        ["support-by-priority"] = new("support", "support/priority", Kind.Bar, api => Columns(api, "ticket_count", "sla_compliance"))
        {
            LabelName = "Priority",
            Series = [S("Tickets", Integer), S("SLA compliance %", Pct(1))],
            ValueAxis = Integer,
            RightAxis = Pct(0),
            RightMax = 100,
            Extra = (api, i) => [$"Avg resolution: {Hours(Num(api["avg_resolution"]![i]))}"],
        },
        ["support-by-category"] = new("support", "support/category", Kind.Bar, api => Columns(api, "ticket_count"))
        {
            LabelName = "Category", Series = [S("Tickets", Integer)], ValueAxis = Integer,
            Extra = (api, i) => [$"SLA compliance: {Percent(Num(api["sla_compliance"]![i]), 1)}", $"CSAT: {Score(Num(api["satisfaction"]![i]))}"],
        },
        ["web-by-country"] = new("web", "web/country", Kind.HorizontalBar, api => Top(15, Columns(api, "sessions")))
        {
            LabelName = "Country", Series = [S("Sessions", Integer)], ValueAxis = Count,
            Extra = (api, i) => [$"Conversion: {Percent(Num(api["conversion_rate"]![i]), 2)}"],
        },
        ["web-by-device"] = new("web", "web/device", Kind.Doughnut, api => Columns(api, "sessions"))
        {
            LabelName = "Device", Series = [S("Sessions", Integer)],
            Extra = (api, i) => [$"Bounce: {Percent(Num(api["bounce_rate"]![i]), 1)}", $"Conversion: {Percent(Num(api["conversion_rate"]![i]), 2)}"],
        },
        ["web-trend"] = new("web", "web/trend", Kind.Line, Datasets)
        {
            Series = [S(null, Integer), S(null, Pct(2))], ValueAxis = Count, RightAxis = Pct(1),
        },
        ["companies-by-industry"] = new("companies", "companies/industry", Kind.Bar, api => Columns(api, "count"))
        {
            LabelName = "Industry", Series = [S("Companies", Integer)], ValueAxis = Integer,
            Extra = (api, i) => [$"Avg annual revenue: {MoneyExact(Num(api["avg_revenue"]![i]))}"],
        },
        ["companies-by-region"] = new("companies", "companies/region", Kind.Doughnut, api => Columns(api, "count"))
        {
            LabelName = "Region", Series = [S("Companies", Integer)],
        },
        ["revenue-by-company-region"] = new("companies", "companies/region", Kind.Bar, api => Columns(api, "avg_revenue"))
        {
            LabelName = "Region", Series = [S("Avg annual revenue", MoneyExact)], ValueAxis = Money,
        },
    };

    public static readonly string[] Tabs = ["overview", "revenue", "marketing", "email", "contacts", "support", "web", "companies"];

    public static double? Num(JsonNode? node) => node is null ? null : (double)node;

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
