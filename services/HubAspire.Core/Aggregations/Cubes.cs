using HubAspire.Core.Schema;
using static HubAspire.Core.Aggregations.CubeDefinition;

namespace HubAspire.Core.Aggregations;

/// <summary>
/// The seven cubes: together they hold every component of ETL.md's 22 aggregations and KPIs.
/// A measure named after a column is Σ of that column; flags (won, engaged, …) are counts.
/// </summary>
public static class Cubes
{
    private static readonly Measure Rows = new(Measure.Rows);

    public static readonly CubeDefinition Companies = new(CrmSchema.Companies, "created_at",
        [AllDimension, "industry", "region"],
        [Rows, new("employee_count"), new("annual_revenue", 2), new("website_traffic_monthly")]);

    public static readonly CubeDefinition Contacts = new(CrmSchema.Contacts, "first_touch_date",
        [AllDimension, "lifecycle_stage", "lead_source"],
        [Rows, new("lead_score"), new("engagement_index")]);

    public static readonly CubeDefinition Deals = new(CrmSchema.Deals, "created_at",
        [AllDimension, "region", "industry", "stage", "pipeline"],
        [
            Rows, new("amount", 2), new("weighted_amount", 2), new("won"), new("lost"), new("won_amount", 2),
            new("open_weighted_amount", 2), new("velocity_score", 4), new("probability", 1), new("days_in_pipeline"),
        ]);

    public static readonly CubeDefinition MarketingEvents = new(CrmSchema.MarketingEvents, "timestamp",
        [AllDimension, "channel", "event_type"],
        [Rows, new("session_duration_sec"), new("engaged"), new("page_depth")]);

    public static readonly CubeDefinition EmailCampaigns = new(CrmSchema.EmailCampaigns, "timestamp",
        [AllDimension, "campaign_type", "send_hour"],
        [Rows, new("opened"), new("clicked"), new("bounced"), new("unsubscribed")]);

    public static readonly CubeDefinition SupportTickets = new(CrmSchema.SupportTickets, "created_at",
        [AllDimension, "category", "priority"],
        [Rows, new("resolution_hours", 1), new("sla_met"), new("satisfaction_score")]);

    public static readonly CubeDefinition WebAnalytics = new(CrmSchema.WebAnalytics, "timestamp",
        [AllDimension, "page_url", "country", "device_type"],
        [Rows, new("session_duration_sec"), new("bounce"), new("conversion"), new("page_views"), new("engaged")]);

    /// <summary>All cubes, in <see cref="CrmSchema.Entities"/> order.</summary>
    public static readonly IReadOnlyList<CubeDefinition> All =
        [Companies, Contacts, Deals, MarketingEvents, EmailCampaigns, SupportTickets, WebAnalytics];

    public static CubeDefinition For(string entity) => All.FirstOrDefault(c => c.Name == entity)
        ?? throw new KeyNotFoundException($"No cube for entity '{entity}'.");
}
