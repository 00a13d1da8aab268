namespace HubAspire.Etl.Tests.Processed.Support;

/// <param name="Name">Column name.</param>
/// <param name="Type">Its type as DuckDB describes it.</param>
/// <param name="Sql">
/// An independent computation of the value in DuckDB SQL over the raw row, with ETL.md's constants
/// written out; <c>t</c> is the entity's timestamp as a zone-less UTC timestamp.
/// </param>
public sealed record DerivedColumn(string Name, string Type, string Sql);

/// <param name="RawColumns">DATA.md's columns and types, in order, as DuckDB describes our files.</param>
/// <param name="Timestamp">The timestamp the calendar features come from.</param>
public sealed record EntityExpectation(string Name, string Id, string Timestamp, string RawColumns, IReadOnlyList<DerivedColumn> Derived)
{
    public IReadOnlyList<string> RawColumnNames => RawColumns.Split(", ").Select(c => c.Split(' ')[0]).ToList();

    /// <summary>The processed table: the raw columns, then the derived ones.</summary>
    public string ProcessedColumns => RawColumns + ", " + string.Join(", ", Derived.Select(d => $"{d.Name} {d.Type}"));
}

/// <summary>
/// What the processed dataset must hold, written out here from DATA.md and ETL.md on purpose: not
/// taken from the production schema or feature rules it checks.
/// </summary>
public static class ProcessedExpectations
{
    private const string Id = "BIGINT", Int = "INTEGER", Real = "DOUBLE", Text = "VARCHAR", Time = "TIMESTAMP WITH TIME ZONE";

    private const string Month = "strftime(t, '%Y-%m')";
    private const string Quarter = "strftime(t, '%Y') || 'Q' || quarter(t)";

    public static readonly IReadOnlyList<EntityExpectation> All =
    [
        new("companies", "company_id", "created_at",
            $"company_id {Id}, company_name {Text}, industry {Text}, region {Text}, employee_count {Int}, annual_revenue {Real}, founded_year {Int}, website_traffic_monthly {Int}, created_at {Time}",
            [
                new("employee_tier", Text, """
                    case when employee_count <= 10 then 'Micro' when employee_count <= 50 then 'Small' when employee_count <= 200 then 'Medium'
                         when employee_count <= 1000 then 'Large' when employee_count <= 5000 then 'Enterprise' else 'Mega' end
                    """),
                new("revenue_per_employee", Real, "half_even(annual_revenue / greatest(employee_count, 1), 100.0)"),
                new("company_age", Int, "2025 - founded_year"),
            ]),
        new("contacts", "contact_id", "first_touch_date",
            $"contact_id {Id}, email {Text}, company_id {Id}, job_title {Text}, lead_source {Text}, lead_score {Int}, lifecycle_stage {Text}, region {Text}, first_touch_date {Time}, num_page_views {Int}, num_form_submissions {Int}",
            [
                new("lead_grade", Text, "case when lead_score <= 20 then 'F' when lead_score <= 40 then 'D' when lead_score <= 60 then 'C' when lead_score <= 80 then 'B' else 'A' end"),
                new("engagement_index", Int, "least(num_page_views + 10 * num_form_submissions, 1000)"),
            ]),
        new("deals", "deal_id", "created_at",
            $"deal_id {Id}, contact_id {Id}, company_id {Id}, deal_name {Text}, amount {Real}, stage {Text}, pipeline {Text}, probability {Real}, days_in_pipeline {Int}, created_at {Time}, industry {Text}, region {Text}",
            [
                new("revenue_bucket", Text, """
                    case when amount <= 1000 then '< $1K' when amount <= 10000 then '$1K–10K' when amount <= 50000 then '$10K–50K'
                         when amount <= 200000 then '$50K–200K' when amount <= 1000000 then '$200K–1M' else '> $1M' end
                    """),
                new("weighted_amount", Real, "half_even(amount * probability / 100, 100.0)"),
                new("velocity_score", Real, "half_even(probability / greatest(days_in_pipeline, 1), 10000.0)"),
                new("is_won", Int, "(stage = 'Closed Won')::int"),
                new("is_lost", Int, "(stage = 'Closed Lost')::int"),
                new("is_open", Int, "(stage not in ('Closed Won', 'Closed Lost'))::int"),
                new("quarter", Text, Quarter),
                new("month", Text, Month),
            ]),
        new("marketing_events", "event_id", "timestamp",
            $"event_id {Id}, contact_id {Id}, event_type {Text}, channel {Text}, campaign_id {Int}, utm_source {Text}, device_type {Text}, session_duration_sec {Int}, page_depth {Int}, timestamp {Time}",
            [
                new("hour", Int, "hour(t)"),
                new("day_of_week", Text, "dayname(t)"),
                new("is_engaged", Int, "(session_duration_sec > 60)::int"),
                new("month", Text, Month),
            ]),
        new("email_campaigns", "email_event_id", "timestamp",
            $"email_event_id {Id}, contact_id {Id}, campaign_id {Int}, campaign_type {Text}, action {Text}, subject_line_length {Int}, send_hour {Int}, send_day_of_week {Int}, timestamp {Time}",
            [
                new("is_opened", Int, "(action in ('Opened', 'Clicked'))::int"),
                new("is_clicked", Int, "(action = 'Clicked')::int"),
                new("is_bounced", Int, "(action = 'Bounced')::int"),
                new("is_unsub", Int, "(action in ('Unsubscribed', 'Spam'))::int"),
                new("month", Text, Month),
            ]),
        new("support_tickets", "ticket_id", "created_at",
            $"ticket_id {Id}, contact_id {Id}, company_id {Id}, category {Text}, priority {Text}, status {Text}, resolution_hours {Real}, satisfaction_score {Int}, num_interactions {Int}, created_at {Time}",
            [
                new("sla_met", Int, "coalesce(resolution_hours <= case priority when 'Critical' then 4 when 'High' then 24 when 'Medium' then 72 when 'Low' then 168 end, false)::int"),
                new("quarter", Text, Quarter),
                new("month", Text, Month),
            ]),
        new("web_analytics", "session_id", "timestamp",
            $"session_id {Id}, page_url {Text}, referrer_domain {Text}, browser {Text}, device_type {Text}, country {Text}, session_duration_sec {Int}, page_views {Int}, bounce {Int}, conversion {Int}, timestamp {Time}",
            [
                new("hour", Int, "hour(t)"),
                new("day_of_week", Text, "dayname(t)"),
                new("month", Text, Month),
                new("engaged_session", Int, "(session_duration_sec > 30 and bounce = 0)::int"),
            ]),
    ];

    public static TheoryData<string> Entities => new(All.Select(e => e.Name));

    public static EntityExpectation Get(string entity) => All.Single(e => e.Name == entity);
}
