using DuckDB.NET.Data;

namespace HubAspire.Api.Tests.Support;

public sealed record CompanyRow(string Industry, string Region, double Revenue, DateTime Created);
/// <param name="Engagement">ETL.md's engagement_index, computed here from its definition: page views + 10 × form submissions, at most 1000.</param>
public sealed record ContactRow(string Lifecycle, string Source, long Score, long Engagement, DateTime FirstTouch);
public sealed record DealRow(string Region, string Industry, string Stage, string Pipeline, double Amount, double Probability, DateTime Created);
public sealed record MarketingRow(string Channel, string EventType, long Duration, DateTime Timestamp);
public sealed record EmailRow(string CampaignType, string Action, long SendHour, DateTime Timestamp);
public sealed record TicketRow(string Category, string Priority, double Hours, long Satisfaction, DateTime Created);
public sealed record SessionRow(string Page, string Country, string Device, long Bounce, long Conversion, DateTime Timestamp);

/// <summary>
/// The raw rows of a dataset, read with DuckDB (not our Parquet reader) into plain records, so
/// the expected figures come from the files by a path that shares nothing with the ETL.
/// </summary>
public sealed class RawRows
{
    public required List<CompanyRow> Companies { get; init; }
    public required List<ContactRow> Contacts { get; init; }
    public required List<DealRow> Deals { get; init; }
    public required List<MarketingRow> Marketing { get; init; }
    public required List<EmailRow> Emails { get; init; }
    public required List<TicketRow> Tickets { get; init; }
    public required List<SessionRow> Sessions { get; init; }

    public static RawRows Read(string rawDirectory)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        List<T> Rows<T>(string entity, string columns, string timestamp, Func<DuckDBDataReader, DateTime, T> map)
        {
            using var command = db.CreateCommand();
            // DuckDB gives timestamptz in the session's zone: take UTC epoch microseconds instead.
            command.CommandText = $"select {columns}, epoch_us({timestamp}) from read_parquet('{rawDirectory}/{entity}/*.parquet')";
            using var reader = (DuckDBDataReader)command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                var utc = DateTime.UnixEpoch.AddTicks(reader.GetInt64(reader.FieldCount - 1) * 10);
                rows.Add(map(reader, utc));
            }

            return rows;
        }

        return new RawRows
        {
            Companies = Rows("companies", "industry, region, annual_revenue", "created_at",
                (r, t) => new CompanyRow(r.GetString(0), r.GetString(1), r.GetDouble(2), t)),
            Contacts = Rows("contacts", "lifecycle_stage, lead_source, lead_score, num_page_views, num_form_submissions", "first_touch_date",
                (r, t) => new ContactRow(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2)),
                    Math.Min(Convert.ToInt64(r.GetValue(3)) + 10 * Convert.ToInt64(r.GetValue(4)), 1000), t)),
            Deals = Rows("deals", "region, industry, stage, pipeline, amount, probability", "created_at",
                (r, t) => new DealRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5), t)),
            Marketing = Rows("marketing_events", "channel, event_type, session_duration_sec", "timestamp",
                (r, t) => new MarketingRow(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2)), t)),
            Emails = Rows("email_campaigns", "campaign_type, action, send_hour", "timestamp",
                (r, t) => new EmailRow(r.GetString(0), r.GetString(1), Convert.ToInt64(r.GetValue(2)), t)),
            Tickets = Rows("support_tickets", "category, priority, resolution_hours, satisfaction_score", "created_at",
                (r, t) => new TicketRow(r.GetString(0), r.GetString(1), r.GetDouble(2), Convert.ToInt64(r.GetValue(3)), t)),
            Sessions = Rows("web_analytics", "page_url, country, device_type, bounce, conversion", "timestamp",
                (r, t) => new SessionRow(r.GetString(0), r.GetString(1), r.GetString(2), Convert.ToInt64(r.GetValue(3)), Convert.ToInt64(r.GetValue(4)), t)),
        };
    }
}
