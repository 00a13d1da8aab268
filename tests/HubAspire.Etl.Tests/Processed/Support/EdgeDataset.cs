using DuckDB.NET.Data;
using HubAspire.Core.Schema;
using HubAspire.Datasets;
using HubAspire.Datasets.Manifest;

namespace HubAspire.Etl.Tests.Processed.Support;

/// <summary>
/// A raw dataset written by DuckDB, not by our generator: every rule's edge values (each bucket
/// edge and the value just above it, SLA limits, engagement thresholds, rounding ties, month,
/// quarter and day boundaries, an instant before 1970), crossed so each occurs many times; in the
/// foreign physical types pandas writes (every integer INT64, zone-less µs timestamps); two files
/// per entity of several row groups each.
/// </summary>
public static class EdgeDataset
{
    /// <summary>Instants at calendar edges, as zone-less UTC.</summary>
    public const string Instants = """
        (['1969-12-31 23:59:59', '1970-01-01 00:00:00', '2023-01-01 00:00:00', '2023-03-31 23:59:59',
         '2023-04-01 00:00:00', '2024-02-29 13:30:00', '2024-12-31 23:59:59', '2025-12-31 23:59:59']::timestamp[])
        """;

    private const int RowGroupRows = 2048;

    /// <summary>Per entity, the rows (any order) with DATA.md's column names; <c>rn</c> numbers them from 1.</summary>
    private static readonly Dictionary<string, string> Rows = new()
    {
        ["companies"] = $"""
            select rn as company_id, 'Company_' || rn as company_name, ['Technology', 'Finance', 'Retail'][1 + rn % 3] as industry,
                   ['Europe', 'Africa'][1 + rn % 2] as region, employee_count, annual_revenue, [1950, 1999, 2023, 2025][1 + rn % 4] as founded_year,
                   rn * 7 as website_traffic_monthly, {Instants}[1 + rn % 8] as created_at
            from (select row_number() over () as rn, * from
                  (select unnest([1, 5, 10, 11, 50, 51, 200, 201, 1000, 1001, 5000, 5001, 49999]) as employee_count)
                  cross join (select unnest([0.125, 0.375, 2.675, 1234567.89]::double[]) as annual_revenue) cross join range(200))
            """,
        ["contacts"] = $"""
            select rn as contact_id, 'user_' || rn || '@mail.com' as email, 1 + rn % 50 as company_id, ['CEO', 'CTO'][1 + rn % 2] as job_title,
                   ['Referral', 'Events'][1 + rn % 2] as lead_source, lead_score, ['Lead', 'MQL'][1 + rn % 2] as lifecycle_stage,
                   'Europe' as region, {Instants}[1 + rn % 8] as first_touch_date, num_page_views, num_form_submissions
            from (select row_number() over () as rn, * from
                  (select unnest([0, 20, 21, 40, 41, 60, 61, 80, 81, 100]) as lead_score)
                  cross join (select unnest([0, 950, 999]) as num_page_views) cross join (select unnest([0, 5, 19]) as num_form_submissions)
                  cross join range(120))
            """,
        ["deals"] = $"""
            select rn as deal_id, 1 + rn % 90 as contact_id, 1 + rn % 50 as company_id, 'Deal_' || rn as deal_name, amount, stage,
                   ['Enterprise', 'SMB'][1 + rn % 2] as pipeline, probability, [0, 1, 3, 7][1 + rn % 4] as days_in_pipeline,
                   {Instants}[1 + rn % 8] as created_at, 'Finance' as industry, 'Europe' as region
            from (select row_number() over () as rn, * from
                  (select unnest([999.99, 1000, 1000.01, 10000, 10000.01, 50000, 50000.01, 200000, 200000.01, 1000000, 1000000.01, 11.25, 2.675]::double[]) as amount)
                  cross join (select unnest(['Prospecting', 'Qualification', 'Proposal', 'Negotiation', 'Closed Won', 'Closed Lost']) as stage)
                  cross join (select unnest([0, 10, 45.5, 70, 100]::double[]) as probability) cross join range(40))
            """,
        ["marketing_events"] = $"""
            select rn as event_id, 1 + rn % 90 as contact_id, ['Page View', 'Download'][1 + rn % 2] as event_type, ['Paid', 'Email'][1 + rn % 2] as channel,
                   1 + rn % 5000 as campaign_id, 'google' as utm_source, 'Mobile' as device_type, session_duration_sec, 1 + rn % 19 as page_depth, timestamp
            from (select row_number() over () as rn, * from
                  (select unnest([1, 59, 60, 61, 3600]) as session_duration_sec) cross join (select unnest({Instants}) as timestamp) cross join range(300))
            """,
        ["email_campaigns"] = $"""
            select rn as email_event_id, 1 + rn % 90 as contact_id, 1 + rn % 5000 as campaign_id, ['Survey', 'Newsletter'][1 + rn % 2] as campaign_type,
                   action, 20 + rn % 100 as subject_line_length, rn % 24 as send_hour, rn % 7 as send_day_of_week, timestamp
            from (select row_number() over () as rn, * from
                  (select unnest(['Sent', 'Delivered', 'Opened', 'Clicked', 'Bounced', 'Unsubscribed', 'Spam', 'Forwarded']) as action)
                  cross join (select unnest({Instants}) as timestamp) cross join range(200))
            """,
        ["support_tickets"] = $"""
            select rn as ticket_id, 1 + rn % 90 as contact_id, 1 + rn % 50 as company_id, ['Billing', 'Security'][1 + rn % 2] as category, priority,
                   ['Open', 'Closed'][1 + rn % 2] as status, resolution_hours, 1 + rn % 5 as satisfaction_score, 1 + rn % 29 as num_interactions,
                   {Instants}[1 + rn % 8] as created_at
            from (select row_number() over () as rn, * from
                  (select unnest(['Critical', 'High', 'Medium', 'Low', 'Urgent']) as priority)
                  cross join (select unnest([0.5, 4.0, 4.1, 24.0, 24.1, 72.0, 72.1, 168.0, 168.1, 720.0]::double[]) as resolution_hours) cross join range(240))
            """,
        ["web_analytics"] = $"""
            select rn as session_id, ['/', '/pricing'][1 + rn % 2] as page_url, 'direct' as referrer_domain, 'Chrome' as browser, 'Desktop' as device_type,
                   ['US', 'DE'][1 + rn % 2] as country, session_duration_sec, 1 + rn % 24 as page_views, bounce, 0 as conversion, {Instants}[1 + rn % 8] as timestamp
            from (select row_number() over () as rn, * from
                  (select unnest([1, 29, 30, 31, 1800]) as session_duration_sec) cross join (select unnest([0, 1]) as bounce) cross join range(1200))
            """,
    };

    /// <summary>Writes <c>raw/</c> with its manifest under <paramref name="dataDirectory"/>.</summary>
    public static DatasetManifest Write(string dataDirectory)
    {
        var raw = new DatasetLayout(dataDirectory).RawDirectory;
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        var entities = new List<ManifestEntity>();
        foreach (var entity in CrmSchema.Entities)
        {
            Directory.CreateDirectory(Path.Combine(raw, entity.Name));
            Execute(db, $"create table {entity.Name} as select {PandasColumns(entity)} from ({Rows[entity.Name]})");
            var rows = Scalar(db, $"select count(*) from {entity.Name}");
            var files = new List<ManifestFile>();
            foreach (var (index, where) in new[] { (0, $"<= {rows / 2}"), (1, $"> {rows / 2}") })
            {
                var path = DatasetLayout.PartPath(entity.Name, index);
                var id = entity.Columns[0].Name;
                Execute(db, $"copy (select * from {entity.Name} where {id} {where} order by {id}) to '{raw}/{path}' (format parquet, row_group_size {RowGroupRows})");
                files.Add(new ManifestFile(path, Scalar(db, $"select count(*) from read_parquet('{raw}/{path}')"), new FileInfo(Path.Combine(raw, path)).Length));
            }

            entities.Add(new ManifestEntity(entity.Name, rows, files));
        }

        var manifest = new DatasetManifest(CrmSchema.Version, "duckdb-edges", 0, 0, DateTimeOffset.UtcNow, null, entities);
        manifest.WriteAtomically(raw);
        return manifest;
    }

    /// <summary>DATA.md's column order; integers as BIGINT and timestamps zone-less, as pandas writes them.</summary>
    private static string PandasColumns(EntitySchema entity) => string.Join(", ", entity.Columns.Select(c => c.Type switch
    {
        ColumnType.Int32 or ColumnType.Int64 => $"\"{c.Name}\"::bigint as \"{c.Name}\"",
        ColumnType.Timestamp => $"\"{c.Name}\"::timestamp as \"{c.Name}\"",
        _ => $"\"{c.Name}\"",
    }));

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
