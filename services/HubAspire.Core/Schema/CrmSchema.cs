namespace HubAspire.Core.Schema;

/// <summary>The seven raw entities of DATA.md: names, scale-1 row counts and exact columns.</summary>
public static class CrmSchema
{
    /// <summary>Version of the raw schema below; bump it when a column changes.</summary>
    public const int Version = 1;

    public static readonly EntitySchema Companies = new("companies", 50_000,
    [
        Int64("company_id"),
        Text("company_name"),
        Category("industry"),
        Category("region"),
        Int32("employee_count"),
        Double("annual_revenue"),
        Int32("founded_year"),
        Int32("website_traffic_monthly"),
        Timestamp("created_at"),
    ]);

    public static readonly EntitySchema Contacts = new("contacts", 500_000,
    [
        Int64("contact_id"),
        Text("email"),
        Int64("company_id"),
        Category("job_title"),
        Category("lead_source"),
        Int32("lead_score"),
        Category("lifecycle_stage"),
        Category("region"),
        Timestamp("first_touch_date"),
        Int32("num_page_views"),
        Int32("num_form_submissions"),
    ]);

    public static readonly EntitySchema Deals = new("deals", 300_000,
    [
        Int64("deal_id"),
        Int64("contact_id"),
        Int64("company_id"),
        Text("deal_name"),
        Double("amount"),
        Category("stage"),
        Category("pipeline"),
        Double("probability"),
        Int32("days_in_pipeline"),
        Timestamp("created_at"),
        Category("industry"),
        Category("region"),
    ]);

    public static readonly EntitySchema MarketingEvents = new("marketing_events", 1_000_000,
    [
        Int64("event_id"),
        Int64("contact_id"),
        Category("event_type"),
        Category("channel"),
        Int32("campaign_id"),
        Category("utm_source"),
        Category("device_type"),
        Int32("session_duration_sec"),
        Int32("page_depth"),
        Timestamp("timestamp"),
    ]);

    public static readonly EntitySchema EmailCampaigns = new("email_campaigns", 800_000,
    [
        Int64("email_event_id"),
        Int64("contact_id"),
        Int32("campaign_id"),
        Category("campaign_type"),
        Category("action"),
        Int32("subject_line_length"),
        Int32("send_hour"),
        Int32("send_day_of_week"),
        Timestamp("timestamp"),
    ]);

    public static readonly EntitySchema SupportTickets = new("support_tickets", 200_000,
    [
        Int64("ticket_id"),
        Int64("contact_id"),
        Int64("company_id"),
        Category("category"),
        Category("priority"),
        Category("status"),
        Double("resolution_hours"),
        Int32("satisfaction_score"),
        Int32("num_interactions"),
        Timestamp("created_at"),
    ]);

    public static readonly EntitySchema WebAnalytics = new("web_analytics", 2_000_000,
    [
        Int64("session_id"),
        Category("page_url"),
        Category("referrer_domain"),
        Category("browser"),
        Category("device_type"),
        Category("country"),
        Int32("session_duration_sec"),
        Int32("page_views"),
        Int32("bounce"),
        Int32("conversion"),
        Timestamp("timestamp"),
    ]);

    /// <summary>All entities, parents before children.</summary>
    public static readonly IReadOnlyList<EntitySchema> Entities =
        [Companies, Contacts, Deals, MarketingEvents, EmailCampaigns, SupportTickets, WebAnalytics];

    private static Column Int64(string name) => new(name, ColumnType.Int64);

    private static Column Int32(string name) => new(name, ColumnType.Int32);

    private static Column Double(string name) => new(name, ColumnType.Double);

    private static Column Timestamp(string name) => new(name, ColumnType.Timestamp);

    /// <summary>A free-text string (unique per row, e.g. a name).</summary>
    private static Column Text(string name) => new(name, ColumnType.String);

    /// <summary>A string from a short value list.</summary>
    private static Column Category(string name) => new(name, ColumnType.String, IsCategorical: true);

    public static EntitySchema Get(string name) => Entities.FirstOrDefault(e => e.Name == name)
        ?? throw new KeyNotFoundException($"Unknown entity '{name}'.");
}
