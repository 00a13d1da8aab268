using DuckDB.NET.Data;

namespace HubAspire.Testing.RawData;

public sealed record CompanyRow(string Industry, string Region, long Employees, double Revenue, long Traffic, DateTime Created);
public sealed record ContactRow(string Lifecycle, string Source, long Score, long PageViews, long Forms, DateTime FirstTouch)
{
    /// <summary>ETL.md's engagement_index, from its definition: page views + 10 × form submissions, at most 1000.</summary>
    public long Engagement => Math.Min(PageViews + 10 * Forms, 1000);
}
public sealed record DealRow(string Region, string Industry, string Stage, string Pipeline, double Amount, double Probability, long Days, DateTime Created);
public sealed record MarketingRow(string Channel, string EventType, long Duration, long Depth, DateTime Timestamp);
public sealed record EmailRow(string CampaignType, string Action, long SendHour, DateTime Timestamp);
public sealed record TicketRow(string Category, string Priority, double Hours, long Satisfaction, DateTime Created);
public sealed record SessionRow(string Page, string Country, string Device, long Duration, long Bounce, long Conversion, long PageViews, DateTime Timestamp);

/// <summary>
/// Every raw row of a dataset, read with DuckDB (not our reader) into plain records, so the ETL
/// and API tests compute their expected figures from the files by an independent path.
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

    public void Deconstruct(
        out List<CompanyRow> companies, out List<ContactRow> contacts, out List<DealRow> deals, out List<MarketingRow> marketing,
        out List<EmailRow> emails, out List<TicketRow> tickets, out List<SessionRow> sessions) =>
        (companies, contacts, deals, marketing, emails, tickets, sessions) = (Companies, Contacts, Deals, Marketing, Emails, Tickets, Sessions);

    /// <summary>The rows dated in the months [from, to] (month keys, year × 12 + month − 1; a null end is open).</summary>
    public RawRows Within(int? fromMonth, int? toMonth)
    {
        bool In(DateTime t) => (fromMonth is null || RawRules.MonthKey(t) >= fromMonth) && (toMonth is null || RawRules.MonthKey(t) <= toMonth);
        return new RawRows
        {
            Companies = [.. Companies.Where(c => In(c.Created))],
            Contacts = [.. Contacts.Where(c => In(c.FirstTouch))],
            Deals = [.. Deals.Where(d => In(d.Created))],
            Marketing = [.. Marketing.Where(m => In(m.Timestamp))],
            Emails = [.. Emails.Where(e => In(e.Timestamp))],
            Tickets = [.. Tickets.Where(t => In(t.Created))],
            Sessions = [.. Sessions.Where(s => In(s.Timestamp))],
        };
    }

    public static RawRows Read(string rawDirectory)
    {
        using var db = new DuckDBConnection("Data Source=:memory:");
        db.Open();
        List<T> Rows<T>(string entity, string columns, Func<DuckDBDataReader, T> map)
        {
            using var command = db.CreateCommand();
            command.CommandText = $"select {columns} from read_parquet('{rawDirectory}/{entity}/*.parquet')";
            using var reader = (DuckDBDataReader)command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read())
            {
                rows.Add(map(reader));
            }

            return rows;
        }

        // DuckDB returns timestamptz in the session's zone: read them as UTC epoch seconds instead.
        const string ts = "make_timestamp(epoch_us({0}))";
        return new RawRows
        {
            Companies = Rows("companies", "industry, region, employee_count, annual_revenue, website_traffic_monthly, " + string.Format(ts, "created_at"),
                r => new CompanyRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetDouble(3), r.GetInt32(4), AsUtc(r.GetDateTime(5)))),
            Contacts = Rows("contacts", "lifecycle_stage, lead_source, lead_score, num_page_views, num_form_submissions, " + string.Format(ts, "first_touch_date"),
                r => new ContactRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4), AsUtc(r.GetDateTime(5)))),
            Deals = Rows("deals", "region, industry, stage, pipeline, amount, probability, days_in_pipeline, " + string.Format(ts, "created_at"),
                r => new DealRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetDouble(4), r.GetDouble(5), r.GetInt32(6), AsUtc(r.GetDateTime(7)))),
            Marketing = Rows("marketing_events", "channel, event_type, session_duration_sec, page_depth, " + string.Format(ts, "timestamp"),
                r => new MarketingRow(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), AsUtc(r.GetDateTime(4)))),
            Emails = Rows("email_campaigns", "campaign_type, action, send_hour, " + string.Format(ts, "timestamp"),
                r => new EmailRow(r.GetString(0), r.GetString(1), r.GetInt32(2), AsUtc(r.GetDateTime(3)))),
            Tickets = Rows("support_tickets", "category, priority, resolution_hours, satisfaction_score, " + string.Format(ts, "created_at"),
                r => new TicketRow(r.GetString(0), r.GetString(1), r.GetDouble(2), r.GetInt32(3), AsUtc(r.GetDateTime(4)))),
            Sessions = Rows("web_analytics", "page_url, country, device_type, session_duration_sec, bounce, conversion, page_views, " + string.Format(ts, "timestamp"),
                r => new SessionRow(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt32(3), r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), AsUtc(r.GetDateTime(7)))),
        };

        static DateTime AsUtc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
    }
}
