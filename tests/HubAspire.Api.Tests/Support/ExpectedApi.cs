using static HubAspire.Testing.RawData.RawRules;
using System.Globalization;

namespace HubAspire.Api.Tests.Support;

/// <summary>An expected chart: labels in order, and per series (JSON key or dataset label) its figures in label order.</summary>
public sealed record ExpectedChart(IReadOnlyList<string> Labels, IReadOnlyList<(string Name, Figure[] Values)> Series, bool Datasets);

/// <summary>
/// API.md's endpoints computed the obvious way from the raw rows: LINQ, exact decimals, the
/// spec's orders, roundings and constants written out here. Nothing of the production
/// aggregation or presentation code is used, so the two computations check each other.
/// </summary>
public static class ExpectedApi
{
    // Natural orders of DATA.md.
    private static readonly string[] Stages = ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"];
    private static readonly string[] Lifecycle = ["Subscriber", "Lead", "MQL", "SQL", "Opportunity", "Customer", "Evangelist"];
    private static readonly string[] Priorities = ["Critical", "High", "Medium", "Low"];

    private enum Order
    {
        Ascending,
        FirstDescending,
    }

    public static string Month(DateTime t) => t.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>Every chart endpoint's expected figures over [from, to] (null ends are open), by path.</summary>
    public static Dictionary<string, ExpectedChart> Charts(RawRows raw, int? from, int? to)
    {
        var (companies, contacts, deals, marketing, emails, tickets, sessions) = raw.Within(from, to);

        (string, Func<List<DealRow>, Figure>)[] dealColumns =
        [
            ("revenue", g => Figure.Money(g.Sum(d => Cents(d.Amount)))),
            ("win_rate", g => Figure.Percent(g.Count(Won), g.Count)),
            ("deal_count", g => Figure.Count(g.Count)),
        ];
        (string, Func<List<TicketRow>, Figure>)[] supportColumns =
        [
            ("ticket_count", g => Figure.Count(g.Count)),
            ("avg_resolution", g => Figure.Mean(g.Sum(t => (decimal)t.Hours), g.Count, 1)),
            ("sla_compliance", g => Figure.Percent(g.Count(SlaMet), g.Count)),
        ];
        (string, Func<List<ContactRow>, Figure>)[] contactColumns =
            [("count", g => Figure.Count(g.Count)), ("avg_score", g => Figure.Mean(g.Sum(c => c.Score), g.Count, 1)),
             ("avg_engagement", g => Figure.Mean(g.Sum(c => c.Engagement), g.Count, 1))];
        (string, Func<List<CompanyRow>, Figure>)[] companyColumns =
            [("count", g => Figure.Count(g.Count)), ("avg_revenue", g => Figure.Mean(g.Sum(c => (decimal)c.Revenue), g.Count, 2))];
        Func<List<SessionRow>, Figure> webConversion = g => Figure.Percent(g.Count(s => s.Conversion == 1), g.Count, 2);
        Func<List<SessionRow>, Figure> webBounce = g => Figure.Percent(g.Count(s => s.Bounce == 1), g.Count);

        return new()
        {
            ["/api/revenue-trend"] = Datasets(deals, d => Month(d.Created),
                ("Total Deal Value", g => Figure.Money(g.Sum(d => Cents(d.Amount)))),
                ("Weighted Pipeline", g => Figure.Money(g.Sum(d => Cents(Weighted(d))))),
                ("Won Revenue", g => Figure.Money(g.Where(Won).Sum(d => Cents(d.Amount))))),
            ["/api/deals/stages"] = Columns(deals, d => d.Stage, Stages,
                ("counts", g => Figure.Count(g.Count)), ("values", g => Figure.Money(g.Sum(d => Cents(d.Amount))))),
            ["/api/deals/region"] = Columns(deals, d => d.Region, Order.FirstDescending, dealColumns),
            ["/api/deals/industry"] = Columns(deals, d => d.Industry, Order.FirstDescending, dealColumns),
            ["/api/deals/pipeline"] = Columns(deals, d => d.Pipeline, Order.FirstDescending, dealColumns),
            ["/api/marketing/channels"] = Columns(marketing, m => m.Channel, Order.FirstDescending,
                ("event_count", g => Figure.Count(g.Count)), ("engagement_rate", g => Figure.Percent(g.Count(m => m.Duration > 60), g.Count)),
                ("avg_duration", g => Figure.Mean(g.Sum(m => m.Duration), g.Count, 0))),
            ["/api/marketing/trend"] = Datasets(marketing, m => Month(m.Timestamp),
                ("Events", g => Figure.Count(g.Count)), ("Engagement %", g => Figure.Percent(g.Count(m => m.Duration > 60), g.Count))),
            ["/api/marketing/events"] = Columns(marketing, m => m.EventType, Order.FirstDescending,
                ("event_count", g => Figure.Count(g.Count)), ("engagement_rate", g => Figure.Percent(g.Count(m => m.Duration > 60), g.Count))),
            ["/api/email/performance"] = Columns(emails, e => e.CampaignType, Order.Ascending,
                ("open_rate", g => Figure.Percent(g.Count(Opened), g.Count)), ("click_rate", g => Figure.Percent(g.Count(Clicked), g.Count)),
                ("bounce_rate", g => Figure.Percent(g.Count(Bounced), g.Count)),
                ("unsub_rate", g => Figure.Percent(g.Count(e => e.Action is "Unsubscribed" or "Spam"), g.Count, 2))),
            ["/api/email/trend"] = Datasets(emails, e => Month(e.Timestamp),
                ("Open Rate %", g => Figure.Percent(g.Count(Opened), g.Count)), ("Click Rate %", g => Figure.Percent(g.Count(Clicked), g.Count))),
            ["/api/email/by-hour"] = Columns(emails, e => $"{e.SendHour:D2}:00", Order.Ascending,
                ("open_rate", g => Figure.Percent(g.Count(Opened), g.Count)), ("click_rate", g => Figure.Percent(g.Count(Clicked), g.Count))),
            ["/api/contacts/lifecycle"] = Columns(contacts, c => c.Lifecycle, Lifecycle, contactColumns),
            ["/api/contacts/source"] = Columns(contacts, c => c.Source, Order.FirstDescending, contactColumns),
            ["/api/support/category"] = Columns(tickets, t => t.Category, Order.FirstDescending,
                [.. supportColumns, ("satisfaction", g => Figure.Mean(g.Sum(t => t.Satisfaction), g.Count, 1))]),
            ["/api/support/priority"] = Columns(tickets, t => t.Priority, Priorities, supportColumns),
            ["/api/web/pages"] = Columns(sessions, s => s.Page, Order.FirstDescending,
                ("sessions", g => Figure.Count(g.Count)), ("bounce_rate", webBounce), ("conversion_rate", webConversion)),
            ["/api/web/country"] = Columns(sessions, s => s.Country, Order.FirstDescending,
                ("sessions", g => Figure.Count(g.Count)), ("conversion_rate", webConversion)),
            ["/api/web/device"] = Columns(sessions, s => s.Device, Order.FirstDescending,
                ("sessions", g => Figure.Count(g.Count)), ("bounce_rate", webBounce), ("conversion_rate", webConversion)),
            ["/api/web/trend"] = Datasets(sessions, s => Month(s.Timestamp), ("Sessions", g => Figure.Count(g.Count)), ("Conversion %", webConversion)),
            ["/api/companies/industry"] = Columns(companies, c => c.Industry, Order.FirstDescending, companyColumns),
            ["/api/companies/region"] = Columns(companies, c => c.Region, Order.FirstDescending, companyColumns),
            ["/api/revenue/quarterly"] = Columns(deals, d => $"{d.Created.Year}Q{(d.Created.Month - 1) / 3 + 1}", Order.Ascending,
                ("total_revenue", g => Figure.Money(g.Sum(d => Cents(d.Amount)))),
                ("won_revenue", g => Figure.Money(g.Where(Won).Sum(d => Cents(d.Amount)))),
                ("weighted_pipeline", g => Figure.Money(g.Sum(d => Cents(Weighted(d))))),
                ("deal_count", g => Figure.Count(g.Count)),
                ("win_rate", g => Figure.Percent(g.Count(Won), g.Count))),
        };
    }

    /// <summary>The KPI fields over [from, to], in API.md/ETL.md order.</summary>
    public static List<(string Key, Figure Value)> Kpis(RawRows raw, int? from, int? to)
    {
        var (companies, contacts, deals, marketing, emails, tickets, sessions) = raw.Within(from, to);

        return
        [
            ("total_revenue", Figure.Money(deals.Sum(d => Cents(d.Amount)))),
            ("won_revenue", Figure.Money(deals.Where(Won).Sum(d => Cents(d.Amount)))),
            ("pipeline_value", Figure.Money(deals.Sum(d => Cents(Weighted(d))))),
            ("win_rate", Figure.Percent(deals.Count(Won), deals.Count)),
            ("avg_deal_size", Figure.Mean(deals.Sum(d => Cents(d.Amount)), deals.Count, 2)),
            ("total_contacts", Figure.Count(contacts.Count)),
            ("total_companies", Figure.Count(companies.Count)),
            ("total_deals", Figure.Count(deals.Count)),
            ("conversion_rate", Figure.Percent(sessions.Count(s => s.Conversion == 1), sessions.Count, 2)),
            ("bounce_rate", Figure.Percent(sessions.Count(s => s.Bounce == 1), sessions.Count)),
            ("total_sessions", Figure.Count(sessions.Count)),
            ("avg_csat", Figure.Mean(tickets.Sum(t => t.Satisfaction), tickets.Count, 1)),
            ("sla_compliance", Figure.Percent(tickets.Count(SlaMet), tickets.Count)),
            ("total_tickets", Figure.Count(tickets.Count)),
            ("email_open_rate", Figure.Percent(emails.Count(Opened), emails.Count)),
            ("email_click_rate", Figure.Percent(emails.Count(Clicked), emails.Count)),
            ("open_pipeline_value", Figure.Money(deals.Where(d => !Won(d) && !Lost(d)).Sum(d => Cents(Weighted(d))))),
            ("total_marketing_events", Figure.Count(marketing.Count)),
            ("total_email_events", Figure.Count(emails.Count)),
            ("total_records", Figure.Count(companies.Count + contacts.Count + deals.Count + marketing.Count + emails.Count + tickets.Count + sessions.Count)),
            ("email_bounce_rate", Figure.Percent(emails.Count(Bounced), emails.Count)),
            ("avg_resolution_hours", Figure.Mean(tickets.Sum(t => (decimal)t.Hours), tickets.Count, 1)),
        ];
    }

    /// <summary>Every timestamp's month, over all seven entities: the data range is their min and max.</summary>
    public static IEnumerable<DateTime> AllTimestamps(RawRows raw) =>
        raw.Companies.Select(c => c.Created).Concat(raw.Contacts.Select(c => c.FirstTouch)).Concat(raw.Deals.Select(d => d.Created))
            .Concat(raw.Marketing.Select(m => m.Timestamp)).Concat(raw.Emails.Select(e => e.Timestamp))
            .Concat(raw.Tickets.Select(t => t.Created)).Concat(raw.Sessions.Select(s => s.Timestamp));

    /// <summary>/api/meta's dimensions over [from, to]: entity → dimension → values present, in the API's order.</summary>
    public static List<(string Entity, List<(string Dimension, List<string> Values)> Dimensions)> Dimensions(RawRows raw, int? from, int? to)
    {
        var (companies, contacts, deals, marketing, emails, tickets, sessions) = raw.Within(from, to);
        List<string> AtoZ(IEnumerable<string> values) => [.. values.Distinct().Order(StringComparer.Ordinal)];
        List<string> Natural(IEnumerable<string> values, string[] order) => [.. values.Distinct().OrderBy(v => Array.IndexOf(order, v))];
        return
        [
            ("companies", [("industry", AtoZ(companies.Select(c => c.Industry))), ("region", AtoZ(companies.Select(c => c.Region)))]),
            ("contacts", [("lifecycle_stage", Natural(contacts.Select(c => c.Lifecycle), Lifecycle)), ("lead_source", AtoZ(contacts.Select(c => c.Source)))]),
            ("deals",
            [
                ("region", AtoZ(deals.Select(d => d.Region))), ("industry", AtoZ(deals.Select(d => d.Industry))),
                ("stage", Natural(deals.Select(d => d.Stage), Stages)), ("pipeline", AtoZ(deals.Select(d => d.Pipeline))),
            ]),
            ("marketing_events", [("channel", AtoZ(marketing.Select(m => m.Channel))), ("event_type", AtoZ(marketing.Select(m => m.EventType)))]),
            ("email_campaigns", [("campaign_type", AtoZ(emails.Select(e => e.CampaignType))), ("send_hour", AtoZ(emails.Select(e => $"{e.SendHour:D2}:00")))]),
            ("support_tickets", [("category", AtoZ(tickets.Select(t => t.Category))), ("priority", Natural(tickets.Select(t => t.Priority), Priorities))]),
            ("web_analytics",
            [
                ("page_url", AtoZ(sessions.Select(s => s.Page))), ("country", AtoZ(sessions.Select(s => s.Country))),
                ("device_type", AtoZ(sessions.Select(s => s.Device))),
            ]),
        ];
    }


    private static ExpectedChart Columns<T>(List<T> rows, Func<T, string> label, Order order, params (string Name, Func<List<T>, Figure> Figure)[] series) =>
        Chart(rows, label, series, datasets: false, groups => order == Order.Ascending
            ? groups.OrderBy(g => g.Label, StringComparer.Ordinal)
            : groups.OrderByDescending(g => g.Values[0].Shown).ThenBy(g => g.Label, StringComparer.Ordinal));

    private static ExpectedChart Columns<T>(List<T> rows, Func<T, string> label, string[] natural, params (string Name, Func<List<T>, Figure> Figure)[] series) =>
        Chart(rows, label, series, datasets: false, groups => groups.OrderBy(g => Array.IndexOf(natural, g.Label)));

    private static ExpectedChart Datasets<T>(List<T> rows, Func<T, string> month, params (string Label, Func<List<T>, Figure> Figure)[] series) =>
        Chart(rows, month, series, datasets: true, groups => groups.OrderBy(g => g.Label, StringComparer.Ordinal));

    private static ExpectedChart Chart<T>(List<T> rows, Func<T, string> label, (string Name, Func<List<T>, Figure> Figure)[] series, bool datasets,
        Func<IEnumerable<(string Label, Figure[] Values)>, IEnumerable<(string Label, Figure[] Values)>> order)
    {
        var groups = order(rows.GroupBy(label).Select(g => (g.Key, series.Select(s => s.Figure(g.ToList())).ToArray()))).ToList();
        return new ExpectedChart(
            [.. groups.Select(g => g.Label)],
            [.. series.Select((s, i) => (s.Name, groups.Select(g => g.Values[i]).ToArray()))],
            datasets);
    }
}
