namespace HubAspire.Core.Aggregations;

/// <param name="Name">The API's key.</param>
/// <param name="Cube">Whose "all" dimension it sums.</param>
public sealed record KpiDefinition(string Name, CubeDefinition Cube, Metric Metric);

/// <summary>
/// ETL.md's KPIs over all rows of the selected months: the original product's 16, then ours.
/// <c>total_records</c> is the sum of every cube's rows and is computed by <see cref="CubeEvaluator"/>.
/// </summary>
public static class Kpis
{
    public const string TotalRecords = "total_records";

    public static readonly IReadOnlyList<KpiDefinition> All =
    [
        new("total_revenue", Cubes.Deals, Metric.Sum("total_revenue", "amount")),
        new("won_revenue", Cubes.Deals, Metric.Sum("won_revenue", "won_amount")),
        new("pipeline_value", Cubes.Deals, Metric.Sum("pipeline_value", "weighted_amount")),
        new("win_rate", Cubes.Deals, Metric.PerRow("win_rate", "won")),
        new("avg_deal_size", Cubes.Deals, Metric.PerRow("avg_deal_size", "amount")),
        new("total_contacts", Cubes.Contacts, Metric.Sum("total_contacts", Measure.Rows)),
        new("total_companies", Cubes.Companies, Metric.Sum("total_companies", Measure.Rows)),
        new("total_deals", Cubes.Deals, Metric.Sum("total_deals", Measure.Rows)),
        new("conversion_rate", Cubes.WebAnalytics, Metric.PerRow("conversion_rate", "conversion")),
        new("bounce_rate", Cubes.WebAnalytics, Metric.PerRow("bounce_rate", "bounce")),
        new("total_sessions", Cubes.WebAnalytics, Metric.Sum("total_sessions", Measure.Rows)),
        new("avg_csat", Cubes.SupportTickets, Metric.PerRow("avg_csat", "satisfaction_score")),
        new("sla_compliance", Cubes.SupportTickets, Metric.PerRow("sla_compliance", "sla_met")),
        new("total_tickets", Cubes.SupportTickets, Metric.Sum("total_tickets", Measure.Rows)),
        new("email_open_rate", Cubes.EmailCampaigns, Metric.PerRow("email_open_rate", "opened")),
        new("email_click_rate", Cubes.EmailCampaigns, Metric.PerRow("email_click_rate", "clicked")),
        new("open_pipeline_value", Cubes.Deals, Metric.Sum("open_pipeline_value", "open_weighted_amount")),
        new("total_marketing_events", Cubes.MarketingEvents, Metric.Sum("total_marketing_events", Measure.Rows)),
        new("total_email_events", Cubes.EmailCampaigns, Metric.Sum("total_email_events", Measure.Rows)),
        new("email_bounce_rate", Cubes.EmailCampaigns, Metric.PerRow("email_bounce_rate", "bounced")),
        new("avg_resolution_hours", Cubes.SupportTickets, Metric.PerRow("avg_resolution_hours", "resolution_hours")),
    ];
}
