using HubAspire.Core.Aggregations;

namespace HubAspire.Benchmarks.DuckDb;

/// <summary>
/// ETL.md's per-row feature work in DuckDB SQL: for each entity, an expression per measure of its
/// cube (the row count aside), named like the measure. Dimensions are raw columns. Written from
/// the spec with its constants as literals, not from our feature code, so that DuckDB's figures
/// are an independent computation of the same work — per-row rounding half to even included.
/// </summary>
public static class FeatureSql
{
    // The spec rounds the double: x × 10^N rounded half to even (as .NET and NumPy do). DuckDB's
    // round_even(x, N) treats x's shortest decimal text as exact instead: 6991 × 7.5 / 100 prints
    // as 524.325 but × 100 is 52432.50000000001, so the spec says 524.33 and round_even(x, 2)
    // says 524.32 (76 deals in 300,000 differ that way, 123 velocity scores).
    private const string Weighted = "round_even(amount * probability / 100 * 100, 0) / 100";

    private static readonly Dictionary<string, Dictionary<string, string>> MeasuresByEntity = new()
    {
        ["companies"] = new()
        {
            ["employee_count"] = "employee_count",
            ["annual_revenue"] = "annual_revenue",
            ["website_traffic_monthly"] = "website_traffic_monthly",
        },
        ["contacts"] = new()
        {
            ["lead_score"] = "lead_score",
            ["engagement_index"] = "least(num_page_views + 10 * num_form_submissions, 1000)",
        },
        ["deals"] = new()
        {
            ["amount"] = "amount",
            ["weighted_amount"] = Weighted,
            ["won"] = "(stage = 'Closed Won')::INTEGER",
            ["lost"] = "(stage = 'Closed Lost')::INTEGER",
            ["won_amount"] = "CASE WHEN stage = 'Closed Won' THEN amount ELSE 0 END",
            ["open_weighted_amount"] = $"CASE WHEN stage IN ('Closed Won', 'Closed Lost') THEN 0 ELSE {Weighted} END",
            ["velocity_score"] = "round_even(probability / greatest(days_in_pipeline, 1) * 10000, 0) / 10000",
            ["probability"] = "probability",
            ["days_in_pipeline"] = "days_in_pipeline",
        },
        ["marketing_events"] = new()
        {
            ["session_duration_sec"] = "session_duration_sec",
            ["engaged"] = "(session_duration_sec > 60)::INTEGER",
            ["page_depth"] = "page_depth",
        },
        ["email_campaigns"] = new()
        {
            ["opened"] = "(action IN ('Opened', 'Clicked'))::INTEGER",
            ["clicked"] = "(action = 'Clicked')::INTEGER",
            ["bounced"] = "(action = 'Bounced')::INTEGER",
            ["unsubscribed"] = "(action IN ('Unsubscribed', 'Spam'))::INTEGER",
        },
        ["support_tickets"] = new()
        {
            ["resolution_hours"] = "resolution_hours",
            // SLA limits by priority; an unknown priority has none and never meets it.
            ["sla_met"] = "coalesce(resolution_hours <= CASE priority WHEN 'Critical' THEN 4 WHEN 'High' THEN 24 WHEN 'Medium' THEN 72 WHEN 'Low' THEN 168 END, false)::INTEGER",
            ["satisfaction_score"] = "satisfaction_score",
        },
        ["web_analytics"] = new()
        {
            ["session_duration_sec"] = "session_duration_sec",
            ["bounce"] = "bounce",
            ["conversion"] = "conversion",
            ["page_views"] = "page_views",
            ["engaged"] = "(session_duration_sec > 30 AND bounce = 0)::INTEGER",
        },
    };

    /// <summary>The SQL expression of one of <paramref name="cube"/>'s measures, per row.</summary>
    public static string Measure(CubeDefinition cube, string measure) =>
        MeasuresByEntity.TryGetValue(cube.Name, out var measures) && measures.TryGetValue(measure, out var sql)
            ? sql
            : throw new InvalidOperationException(
                $"The benchmark's DuckDB SQL has no per-row expression for measure '{measure}' of the {cube.Name} cube: add it to {nameof(FeatureSql)}.");
}
