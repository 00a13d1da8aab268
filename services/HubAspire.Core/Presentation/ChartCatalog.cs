using HubAspire.Core.Aggregations;
using HubAspire.Core.Schema;
using static HubAspire.Core.Presentation.Rounding;

namespace HubAspire.Core.Presentation;

/// <summary>
/// API.md's chart endpoints: the original's 21 (each with its dashboard key) and our
/// <c>/api/revenue/quarterly</c>. Series name an aggregation's metric, or one of
/// <see cref="AddedMetrics"/> where API.md shows a figure ETL.md's tables do not list.
/// </summary>
public static class ChartCatalog
{
    /// <summary>Figures over cube measures that API.md needs beyond the aggregations' own metrics.</summary>
    public static readonly IReadOnlyList<Metric> AddedMetrics =
    [
        Metric.Sum("won_revenue", "won_amount"),
        Metric.PerRow("win_rate", "won"),
    ];

    private static readonly LabelOrder ByFirstSeries = LabelOrder.FirstSeriesDescending;

    public static readonly IReadOnlyList<ChartDefinition> All =
    [
        // The original called the first series "Closed Revenue", but it sums every deal's amount.
        Datasets("revenue-trend", "revenue_trend", "revenue_by_month",
            ("Total Deal Value", "total_revenue", Money), ("Weighted Pipeline", "weighted_pipeline", Money), ("Won Revenue", "won_revenue", Money)),
        Columns("deals/stages", "deals_by_stage", "pipeline_stages", LabelOrder.Natural(CrmValues.DealStages.Values),
            ("counts", "count", Count), ("values", "total_value", Money)),
        Columns("deals/region", "deals_by_region", "deals_by_region", ByFirstSeries,
            ("revenue", "total_revenue", Money), ("win_rate", "win_rate", Percent), ("deal_count", "deal_count", Count)),
        Columns("deals/industry", "deals_by_industry", "deals_by_industry", ByFirstSeries,
            ("revenue", "total_revenue", Money), ("win_rate", "win_rate", Percent), ("deal_count", "deal_count", Count)),
        Columns("deals/pipeline", "deals_by_pipeline", "deals_by_pipeline", ByFirstSeries,
            ("revenue", "total_revenue", Money), ("win_rate", "win_rate", Percent), ("deal_count", "deal_count", Count)),
        Columns("marketing/channels", "marketing_channels", "marketing_by_channel", ByFirstSeries,
            ("event_count", "event_count", Count), ("engagement_rate", "engagement_rate", Percent), ("avg_duration", "avg_session_duration", Whole)),
        Datasets("marketing/trend", "marketing_trend", "marketing_by_month",
            ("Events", "event_count", Count), ("Engagement %", "engagement_rate", Percent)),
        Columns("marketing/events", "marketing_event_types", "marketing_by_event_type", ByFirstSeries,
            ("event_count", "event_count", Count), ("engagement_rate", "engagement_rate", Percent)),
        Columns("email/performance", "email_performance", "email_performance", LabelOrder.Alphabetical,
            ("open_rate", "open_rate", Percent), ("click_rate", "click_rate", Percent), ("bounce_rate", "bounce_rate", Percent),
            ("unsub_rate", "unsub_rate", FinePercent)),
        Datasets("email/trend", "email_trend", "email_by_month",
            ("Open Rate %", "open_rate", Percent), ("Click Rate %", "click_rate", Percent)),
        Columns("email/by-hour", "email_by_hour", "email_by_hour", LabelOrder.Numeric,
            ("open_rate", "open_rate", Percent), ("click_rate", "click_rate", Percent)) with { LabelFormat = LabelFormat.Hour },
        // avg_engagement is ours (ETL.md's aggregation has it; the original never served it): the dashboard's Contacts tab shows it.
        Columns("contacts/lifecycle", "contacts_lifecycle", "contacts_by_lifecycle", LabelOrder.Natural(CrmValues.LifecycleStages.Values),
            ("count", "count", Count), ("avg_score", "avg_lead_score", OneDecimal), ("avg_engagement", "avg_engagement", OneDecimal)),
        Columns("contacts/source", "contacts_by_source", "contacts_by_source", ByFirstSeries,
            ("count", "count", Count), ("avg_score", "avg_lead_score", OneDecimal), ("avg_engagement", "avg_engagement", OneDecimal)),
        Columns("support/category", "support_by_category", "support_by_category", ByFirstSeries,
            ("ticket_count", "ticket_count", Count), ("avg_resolution", "avg_resolution_hours", OneDecimal),
            ("sla_compliance", "sla_compliance", Percent), ("satisfaction", "avg_satisfaction", OneDecimal)),
        Columns("support/priority", "support_by_priority", "support_by_priority", LabelOrder.Natural(CrmValues.TicketPriorities.Values),
            ("ticket_count", "ticket_count", Count), ("avg_resolution", "avg_resolution_hours", OneDecimal), ("sla_compliance", "sla_compliance", Percent)),
        Columns("web/pages", "web_top_pages", "web_by_page", ByFirstSeries,
            ("sessions", "sessions", Count), ("bounce_rate", "bounce_rate", Percent), ("conversion_rate", "conversion_rate", FinePercent)),
        Columns("web/country", "web_by_country", "web_by_country", ByFirstSeries,
            ("sessions", "sessions", Count), ("conversion_rate", "conversion_rate", FinePercent)),
        Columns("web/device", "web_by_device", "web_by_device", ByFirstSeries,
            ("sessions", "sessions", Count), ("bounce_rate", "bounce_rate", Percent), ("conversion_rate", "conversion_rate", FinePercent)),
        Datasets("web/trend", "web_trend", "web_by_month",
            ("Sessions", "sessions", Count), ("Conversion %", "conversion_rate", FinePercent)),
        Columns("companies/industry", "companies_by_industry", "companies_by_industry", ByFirstSeries,
            ("count", "company_count", Count), ("avg_revenue", "avg_revenue", Money)),
        Columns("companies/region", "companies_by_region", "companies_by_region", ByFirstSeries,
            ("count", "company_count", Count), ("avg_revenue", "avg_revenue", Money)),

        // Ours: aggregation #1, which the original computed but never served.
        Columns("revenue/quarterly", null, "revenue_by_quarter", LabelOrder.Chronological,
            ("total_revenue", "total_revenue", Money), ("won_revenue", "won_revenue", Money), ("weighted_pipeline", "weighted_pipeline", Money),
            ("deal_count", "deal_count", Count), ("win_rate", "win_rate", Percent)),
    ];

    /// <summary>The charts of <c>/api/dashboard</c>, in table order.</summary>
    public static IEnumerable<ChartDefinition> OnDashboard => All.Where(c => c.DashboardKey is not null);

    public static ChartDefinition Get(string route) => All.FirstOrDefault(c => c.Route == route)
        ?? throw new KeyNotFoundException($"No chart at '{route}'.");

    private static ChartDefinition Columns(string route, string? dashboardKey, string aggregation, LabelOrder order,
        params (string Name, string Metric, Rounding Rounding)[] series) =>
        Chart(route, dashboardKey, aggregation, ChartShape.Columns, order, series);

    /// <summary>The trend charts: by month, ascending.</summary>
    private static ChartDefinition Datasets(string route, string dashboardKey, string aggregation,
        params (string Label, string Metric, Rounding Rounding)[] series) =>
        Chart(route, dashboardKey, aggregation, ChartShape.Datasets, LabelOrder.Chronological, series);

    private static ChartDefinition Chart(string route, string? dashboardKey, string aggregation, ChartShape shape, LabelOrder order,
        (string Name, string Metric, Rounding Rounding)[] series)
    {
        var source = AggregationCatalog.Get(aggregation);
        return new ChartDefinition(route, dashboardKey, source, shape, order, LabelFormat.AsIs,
            [.. series.Select(s => new ChartSeries(s.Name, MetricOf(source, s.Metric), s.Rounding))]);
    }

    /// <summary>The aggregation's own metric of that name, else an added one.</summary>
    private static Metric MetricOf(AggregationDefinition source, string name) =>
        source.Metrics.FirstOrDefault(m => m.Name == name)
        ?? AddedMetrics.FirstOrDefault(m => m.Name == name)
        ?? throw new KeyNotFoundException($"The {source.Name} aggregation has no metric '{name}', and no added metric has that name.");
}
