using HubAspire.Etl.Tests.Processed.Support;

namespace HubAspire.Etl.Tests.Processed;

/// <summary>
/// The processed dataset of a hand-made dataset that holds every rule's edge values, written by
/// DuckDB in pandas' physical types, two files per entity of several row groups: every row checked
/// against the independent SQL, and each edge pinned by the spec's own literal cases.
/// </summary>
public sealed class EdgeDatasetTests(EdgeDatasetFixture edges) : IClassFixture<EdgeDatasetFixture>
{
    public static TheoryData<string> Entities => ProcessedExpectations.Entities;

    [Theory]
    [MemberData(nameof(Entities))]
    public void Processed_files_have_the_exact_processed_schema_whatever_the_raw_physical_types(string entity)
    {
        Assert.Contains("BIGINT", edges.Db.Describe($"{edges.Db.Raw}/{entity}/*.parquet")); // every integer, as pandas writes them
        Assert.Equal(ProcessedExpectations.Get(entity).ProcessedColumns, edges.Db.Describe($"{edges.Db.Processed}/{entity}/*.parquet"));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Two_raw_files_of_several_row_groups_give_two_processed_files_with_the_same_row_groups(string entity)
    {
        var raw = edges.Db.RowGroups(edges.Db.Raw, entity);

        Assert.Equal(2, raw.Select(r => r.Split(' ')[0]).Distinct().Count());
        Assert.True(raw.Count > 2, string.Join(", ", raw));
        Assert.Equal(raw, edges.Db.RowGroups(edges.Db.Processed, entity));
    }

    [Theory]
    [MemberData(nameof(Entities))]
    public void Raw_columns_are_copied_unchanged_and_derived_columns_follow_the_rules_for_every_row(string entity)
    {
        var expected = ProcessedExpectations.Get(entity);

        var differences = edges.Db.RawColumnDifferences(expected).Concat(edges.Db.DerivedColumnDifferences(expected)).ToList();
        Assert.True(differences.Count == 0, string.Join(Environment.NewLine, differences));
        Assert.Equal(edges.Manifest.Entity(entity).Rows, edges.Db.Long($"select count(*) from processed_{entity}"));
    }

    [Fact]
    public void Employee_tiers_at_every_edge() => Assert.Equal(
        "1 Micro, 5 Micro, 10 Micro, 11 Small, 50 Small, 51 Medium, 200 Medium, 201 Large, 1000 Large, 1001 Enterprise, 5000 Enterprise, 5001 Mega, 49999 Mega",
        Distinct("companies", "employee_count || ' ' || employee_tier", "employee_count"));

    [Fact]
    public void Lead_grades_at_every_edge() => Assert.Equal(
        "0 F, 20 F, 21 D, 40 D, 41 C, 60 C, 61 B, 80 B, 81 A, 100 A",
        Distinct("contacts", "lead_score || ' ' || lead_grade", "lead_score"));

    [Fact]
    public void Revenue_buckets_at_every_edge() => Assert.Equal(
        "2.675 < $1K, 11.25 < $1K, 999.99 < $1K, 1000.0 < $1K, 1000.01 $1K–10K, 10000.0 $1K–10K, 10000.01 $10K–50K, 50000.0 $10K–50K, " +
        "50000.01 $50K–200K, 200000.0 $50K–200K, 200000.01 $200K–1M, 1000000.0 $200K–1M, 1000000.01 > $1M",
        Distinct("deals", "amount || ' ' || revenue_bucket", "amount"));

    [Fact]
    public void Sla_met_within_each_priority_limit_inclusive_and_never_for_an_unknown_priority() => Assert.Equal(
        "Critical: 0.5 4.0, High: 0.5 4.0 4.1 24.0, Low: 0.5 4.0 4.1 24.0 24.1 72.0 72.1 168.0, Medium: 0.5 4.0 4.1 24.0 24.1 72.0",
        edges.Db.Text("""
            select string_agg(priority || ': ' || hours, ', ' order by priority) from (
                select priority, array_to_string(list_sort(list(distinct resolution_hours)), ' ') as hours
                from processed_support_tickets where sla_met = 1 group by priority)
            """));

    [Fact]
    public void Engagement_thresholds_are_exclusive_and_the_index_is_capped() => Assert.Equal(
        ["marketing: 1 0, 59 0, 60 0, 61 1, 3600 1", "web: 1/0 0, 29/0 0, 30/0 0, 31/0 1, 1800/0 1, 1/1 0, 29/1 0, 30/1 0, 31/1 0, 1800/1 0",
         "contacts: 0+0 0, 0+5 50, 0+19 190, 950+0 950, 950+5 1000, 950+19 1000, 999+0 999, 999+5 1000, 999+19 1000"],
        [
            "marketing: " + Distinct("marketing_events", "session_duration_sec || ' ' || is_engaged", "session_duration_sec"),
            "web: " + Distinct("web_analytics", "session_duration_sec || '/' || bounce || ' ' || engaged_session", "bounce, session_duration_sec"),
            "contacts: " + Distinct("contacts", "num_page_views || '+' || num_form_submissions || ' ' || engagement_index", "num_page_views, num_form_submissions"),
        ]);

    [Fact]
    public void Email_flags_per_action() => Assert.Equal(
        "Bounced 0010, Clicked 1100, Delivered 0000, Forwarded 0000, Opened 1000, Sent 0000, Spam 0001, Unsubscribed 0001",
        Distinct("email_campaigns", "action || ' ' || is_opened || is_clicked || is_bounced || is_unsub", "action"));

    [Fact]
    public void Deal_outcome_flags_per_stage() => Assert.Equal(
        "Closed Lost 010, Closed Won 100, Negotiation 001, Proposal 001, Prospecting 001, Qualification 001",
        Distinct("deals", "stage || ' ' || is_won || is_lost || is_open", "stage"));

    [Fact]
    public void Rounding_is_half_to_even_on_the_double_value()
    {
        // 0.125 and 0.375 are exact ties; 2.675 × 100 is 267.5 in doubles, so it ties too (rounds up to the even 268).
        Assert.Equal("0.125 0.12, 0.375 0.38, 2.675 2.68",
            Distinct("companies", "annual_revenue || ' ' || revenue_per_employee", "annual_revenue", "employee_count = 1 and annual_revenue < 3"));
        Assert.Equal("1.12", edges.Db.Text("select distinct weighted_amount::varchar from processed_deals where amount = 11.25 and probability = 10"));
        Assert.Equal("0 45.5, 1 45.5, 3 15.1667, 7 6.5",
            Distinct("deals", "days_in_pipeline || ' ' || velocity_score", "days_in_pipeline", "probability = 45.5"));
    }

    [Fact]
    public void Calendar_features_at_day_month_quarter_and_year_edges_in_utc() => Assert.Equal(
        "1969-12-31 23:59:59+00 23 Wednesday 1969-12, 1970-01-01 00:00:00+00 0 Thursday 1970-01, 2023-01-01 00:00:00+00 0 Sunday 2023-01, " +
        "2023-03-31 23:59:59+00 23 Friday 2023-03, 2023-04-01 00:00:00+00 0 Saturday 2023-04, 2024-02-29 13:30:00+00 13 Thursday 2024-02, " +
        "2024-12-31 23:59:59+00 23 Tuesday 2024-12, 2025-12-31 23:59:59+00 23 Wednesday 2025-12",
        Distinct("marketing_events", "strftime(timestamp, '%Y-%m-%d %H:%M:%S+00') || ' ' || hour || ' ' || day_of_week || ' ' || month", "timestamp"));

    [Fact]
    public void Quarters_at_their_edges() => Assert.Equal(
        "1969-12 1969Q4, 1970-01 1970Q1, 2023-01 2023Q1, 2023-03 2023Q1, 2023-04 2023Q2, 2024-02 2024Q1, 2024-12 2024Q4, 2025-12 2025Q4",
        Distinct("deals", "month || ' ' || quarter", "month"));

    [Fact]
    public void Company_age_is_measured_from_2025() => Assert.Equal(
        "1950 75, 1999 26, 2023 2, 2025 0",
        Distinct("companies", "founded_year || ' ' || company_age", "founded_year"));

    /// <summary>The distinct values of <paramref name="expression"/>, ordered by <paramref name="orderBy"/>, comma-separated.</summary>
    private string Distinct(string entity, string expression, string orderBy, string where = "true") =>
        string.Join(", ", edges.Db.Rows($"select distinct {expression}, {orderBy} from processed_{entity} where {where} order by {orderBy}")
            .Select(row => Convert.ToString(row[0], System.Globalization.CultureInfo.InvariantCulture)));
}
