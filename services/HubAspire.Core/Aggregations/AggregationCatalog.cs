using static HubAspire.Core.Aggregations.Metric;

namespace HubAspire.Core.Aggregations;

/// <summary>The 22 aggregations of ETL.md, defined once for the ETL, the API and the tests.</summary>
public static class AggregationCatalog
{
    private static readonly Metric TotalRevenue = Sum("total_revenue", "amount");
    private static readonly Metric AvgDealSize = PerRow("avg_deal_size", "amount");
    private static readonly Metric DealCount = Sum("deal_count", Measure.Rows);
    private static readonly Metric WinRate = PerRow("win_rate", "won");

    private static readonly Metric[] Revenue =
        [TotalRevenue, Sum("weighted_pipeline", "weighted_amount"), AvgDealSize, DealCount, Sum("win_count", "won"), Sum("loss_count", "lost")];

    private static readonly Metric EventCount = Sum("event_count", Measure.Rows);
    private static readonly Metric AvgSessionDuration = PerRow("avg_session_duration", "session_duration_sec");
    private static readonly Metric EngagementRate = PerRow("engagement_rate", "engaged");

    private static readonly Metric TotalSent = Sum("total_sent", Measure.Rows);
    private static readonly Metric OpenRate = PerRow("open_rate", "opened");
    private static readonly Metric ClickRate = PerRow("click_rate", "clicked");
    private static readonly Metric BounceRate = PerRow("bounce_rate", "bounced");

    private static readonly Metric[] ContactFigures =
        [Sum("count", Measure.Rows), PerRow("avg_lead_score", "lead_score"), PerRow("avg_engagement", "engagement_index")];

    private static readonly Metric[] SupportFigures =
    [
        Sum("ticket_count", Measure.Rows), PerRow("avg_resolution_hours", "resolution_hours"),
        PerRow("sla_compliance", "sla_met"), PerRow("avg_satisfaction", "satisfaction_score"),
    ];

    private static readonly Metric Sessions = Sum("sessions", Measure.Rows);
    private static readonly Metric AvgDuration = PerRow("avg_duration", "session_duration_sec");
    private static readonly Metric WebBounceRate = PerRow("bounce_rate", "bounce");
    private static readonly Metric ConversionRate = PerRow("conversion_rate", "conversion");

    private static readonly Metric CompanyCount = Sum("company_count", Measure.Rows);
    private static readonly Metric AvgEmployees = PerRow("avg_employees", "employee_count");
    private static readonly Metric AvgRevenue = PerRow("avg_revenue", "annual_revenue");

    public static readonly IReadOnlyList<AggregationDefinition> All =
    [
        new(1, "revenue_by_quarter", Cubes.Deals, Grouping.Quarter, null, Revenue),
        new(2, "revenue_by_month", Cubes.Deals, Grouping.Month, null, Revenue),
        new(3, "deals_by_region", Cubes.Deals, Grouping.Dimension, "region",
            [TotalRevenue, AvgDealSize, DealCount, WinRate, PerRow("avg_velocity", "velocity_score")]),
        new(4, "deals_by_industry", Cubes.Deals, Grouping.Dimension, "industry", [TotalRevenue, AvgDealSize, DealCount, WinRate]),
        new(5, "pipeline_stages", Cubes.Deals, Grouping.Dimension, "stage",
            [Sum("count", Measure.Rows), Sum("total_value", "amount"), PerRow("avg_probability", "probability"), PerRow("avg_days", "days_in_pipeline")]),
        new(6, "deals_by_pipeline", Cubes.Deals, Grouping.Dimension, "pipeline", [TotalRevenue, DealCount, WinRate, AvgDealSize]),
        new(7, "marketing_by_channel", Cubes.MarketingEvents, Grouping.Dimension, "channel",
            [EventCount, AvgSessionDuration, EngagementRate, PerRow("avg_page_depth", "page_depth")]),
        new(8, "marketing_by_month", Cubes.MarketingEvents, Grouping.Month, null, [EventCount, EngagementRate, AvgSessionDuration]),
        new(9, "marketing_by_event_type", Cubes.MarketingEvents, Grouping.Dimension, "event_type", [EventCount, AvgSessionDuration, EngagementRate]),
        new(10, "email_performance", Cubes.EmailCampaigns, Grouping.Dimension, "campaign_type",
            [TotalSent, OpenRate, ClickRate, BounceRate, PerRow("unsub_rate", "unsubscribed")]),
        new(11, "email_by_month", Cubes.EmailCampaigns, Grouping.Month, null, [TotalSent, OpenRate, ClickRate, BounceRate]),
        new(12, "email_by_hour", Cubes.EmailCampaigns, Grouping.Dimension, "send_hour", [TotalSent, OpenRate, ClickRate]),
        new(13, "contacts_by_lifecycle", Cubes.Contacts, Grouping.Dimension, "lifecycle_stage", ContactFigures),
        new(14, "contacts_by_source", Cubes.Contacts, Grouping.Dimension, "lead_source", ContactFigures),
        new(15, "support_by_category", Cubes.SupportTickets, Grouping.Dimension, "category", SupportFigures),
        new(16, "support_by_priority", Cubes.SupportTickets, Grouping.Dimension, "priority", SupportFigures),
        new(17, "web_by_page", Cubes.WebAnalytics, Grouping.Dimension, "page_url",
            [Sessions, AvgDuration, WebBounceRate, ConversionRate, PerRow("avg_page_views", "page_views")]),
        new(18, "web_by_country", Cubes.WebAnalytics, Grouping.Dimension, "country", [Sessions, WebBounceRate, ConversionRate, AvgDuration]),
        new(19, "web_by_device", Cubes.WebAnalytics, Grouping.Dimension, "device_type", [Sessions, WebBounceRate, ConversionRate, AvgDuration]),
        new(20, "web_by_month", Cubes.WebAnalytics, Grouping.Month, null, [Sessions, WebBounceRate, ConversionRate, PerRow("engagement_rate", "engaged")]),
        new(21, "companies_by_industry", Cubes.Companies, Grouping.Dimension, "industry",
            [CompanyCount, AvgEmployees, AvgRevenue, PerRow("avg_traffic", "website_traffic_monthly")]),
        new(22, "companies_by_region", Cubes.Companies, Grouping.Dimension, "region", [CompanyCount, AvgEmployees, AvgRevenue]),
    ];

    public static AggregationDefinition Get(string name) => All.FirstOrDefault(a => a.Name == name)
        ?? throw new KeyNotFoundException($"Unknown aggregation '{name}'.");
}
