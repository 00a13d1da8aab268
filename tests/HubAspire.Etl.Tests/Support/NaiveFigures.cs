using static HubAspire.Testing.RawData.RawRules;
namespace HubAspire.Etl.Tests.Support;

/// <summary>
/// ETL.md's 22 aggregations and KPIs computed the obvious way — LINQ over the raw rows, money in
/// decimal — with the spec's constants written out here as literals. Nothing of the production
/// aggregation code is used, so the two computations check each other.
/// </summary>
public static class NaiveFigures
{
    /// <summary>Label → figures in the order of ETL.md's metrics column.</summary>
    public static Dictionary<string, Dictionary<string, double?[]>> Aggregations(RawRows raw, int? fromMonth, int? toMonth)
    {
        var (companies, contacts, deals, marketing, emails, tickets, sessions) = raw.Within(fromMonth, toMonth);

        double?[] Revenue(IEnumerable<DealRow> g) => [Money(g.Sum(d => Cents(d.Amount))), Money(g.Sum(d => Cents(Weighted(d)))),
            Mean(g, d => (decimal)d.Amount), g.Count(), g.Count(Won), g.Count(Lost)];

        return new()
        {
            ["revenue_by_quarter"] = By(deals, d => $"{d.Created.Year}Q{(d.Created.Month - 1) / 3 + 1}", Revenue),
            ["revenue_by_month"] = By(deals, d => d.Created.ToString("yyyy-MM"), Revenue),
            ["deals_by_region"] = By(deals, d => d.Region, g => [Money(g.Sum(d => Cents(d.Amount))), Mean(g, d => (decimal)d.Amount), g.Count(),
                Rate(g, Won), Mean(g, d => (decimal)Math.Round(d.Probability / Math.Max(d.Days, 1), 4))]),
            ["deals_by_industry"] = By(deals, d => d.Industry, g => [Money(g.Sum(d => Cents(d.Amount))), Mean(g, d => (decimal)d.Amount), g.Count(), Rate(g, Won)]),
            ["pipeline_stages"] = By(deals, d => d.Stage, g => [g.Count(), Money(g.Sum(d => Cents(d.Amount))), Mean(g, d => (decimal)d.Probability), Mean(g, d => d.Days)]),
            ["deals_by_pipeline"] = By(deals, d => d.Pipeline, g => [Money(g.Sum(d => Cents(d.Amount))), g.Count(), Rate(g, Won), Mean(g, d => (decimal)d.Amount)]),
            ["marketing_by_channel"] = By(marketing, m => m.Channel, g => [g.Count(), Mean(g, m => m.Duration), Rate(g, m => m.Duration > 60), Mean(g, m => m.Depth)]),
            ["marketing_by_month"] = By(marketing, m => m.Timestamp.ToString("yyyy-MM"), g => [g.Count(), Rate(g, m => m.Duration > 60), Mean(g, m => m.Duration)]),
            ["marketing_by_event_type"] = By(marketing, m => m.EventType, g => [g.Count(), Mean(g, m => m.Duration), Rate(g, m => m.Duration > 60)]),
            ["email_performance"] = By(emails, e => e.CampaignType, g => [g.Count(), Rate(g, Opened), Rate(g, Clicked), Rate(g, Bounced),
                Rate(g, e => e.Action is "Unsubscribed" or "Spam")]),
            ["email_by_month"] = By(emails, e => e.Timestamp.ToString("yyyy-MM"), g => [g.Count(), Rate(g, Opened), Rate(g, Clicked), Rate(g, Bounced)]),
            ["email_by_hour"] = By(emails, e => e.SendHour.ToString(), g => [g.Count(), Rate(g, Opened), Rate(g, Clicked)]),
            ["contacts_by_lifecycle"] = By(contacts, c => c.Lifecycle, ContactFigures),
            ["contacts_by_source"] = By(contacts, c => c.Source, ContactFigures),
            ["support_by_category"] = By(tickets, t => t.Category, SupportFigures),
            ["support_by_priority"] = By(tickets, t => t.Priority, SupportFigures),
            ["web_by_page"] = By(sessions, s => s.Page, g => [g.Count(), Mean(g, s => s.Duration), Rate(g, s => s.Bounce == 1), Rate(g, s => s.Conversion == 1), Mean(g, s => s.PageViews)]),
            ["web_by_country"] = By(sessions, s => s.Country, g => [g.Count(), Rate(g, s => s.Bounce == 1), Rate(g, s => s.Conversion == 1), Mean(g, s => s.Duration)]),
            ["web_by_device"] = By(sessions, s => s.Device, g => [g.Count(), Rate(g, s => s.Bounce == 1), Rate(g, s => s.Conversion == 1), Mean(g, s => s.Duration)]),
            ["web_by_month"] = By(sessions, s => s.Timestamp.ToString("yyyy-MM"), g => [g.Count(), Rate(g, s => s.Bounce == 1), Rate(g, s => s.Conversion == 1), Rate(g, EngagedSession)]),
            ["companies_by_industry"] = By(companies, c => c.Industry, g => [g.Count(), Mean(g, c => c.Employees), Mean(g, c => (decimal)c.Revenue), Mean(g, c => c.Traffic)]),
            ["companies_by_region"] = By(companies, c => c.Region, g => [g.Count(), Mean(g, c => c.Employees), Mean(g, c => (decimal)c.Revenue)]),
        };
    }

    public static Dictionary<string, double?> Kpis(RawRows raw, int? fromMonth, int? toMonth)
    {
        var (companies, contacts, deals, marketing, emails, tickets, sessions) = raw.Within(fromMonth, toMonth);

        return new()
        {
            ["total_revenue"] = Money(deals.Sum(d => Cents(d.Amount))),
            ["won_revenue"] = Money(deals.Where(Won).Sum(d => Cents(d.Amount))),
            ["pipeline_value"] = Money(deals.Sum(d => Cents(Weighted(d)))),
            ["win_rate"] = Rate(deals, Won),
            ["avg_deal_size"] = Mean(deals, d => (decimal)d.Amount),
            ["total_contacts"] = contacts.Count,
            ["total_companies"] = companies.Count,
            ["total_deals"] = deals.Count,
            ["conversion_rate"] = Rate(sessions, s => s.Conversion == 1),
            ["bounce_rate"] = Rate(sessions, s => s.Bounce == 1),
            ["total_sessions"] = sessions.Count,
            ["avg_csat"] = Mean(tickets, t => t.Satisfaction),
            ["sla_compliance"] = Rate(tickets, SlaMet),
            ["total_tickets"] = tickets.Count,
            ["email_open_rate"] = Rate(emails, Opened),
            ["email_click_rate"] = Rate(emails, Clicked),
            ["open_pipeline_value"] = Money(deals.Where(d => !Won(d) && !Lost(d)).Sum(d => Cents(Weighted(d)))),
            ["total_marketing_events"] = marketing.Count,
            ["total_email_events"] = emails.Count,
            ["total_records"] = companies.Count + contacts.Count + deals.Count + marketing.Count + emails.Count + tickets.Count + sessions.Count,
            ["email_bounce_rate"] = Rate(emails, Bounced),
            ["avg_resolution_hours"] = Mean(tickets, t => (decimal)t.Hours),
        };
    }

    private static double?[] ContactFigures(IEnumerable<ContactRow> g) =>
        [g.Count(), Mean(g, c => c.Score), Mean(g, c => c.Engagement)];

    private static double?[] SupportFigures(IEnumerable<TicketRow> g) =>
        [g.Count(), Mean(g, t => (decimal)t.Hours), Rate(g, SlaMet), Mean(g, t => t.Satisfaction)];


    private static double Money(decimal value) => (double)value;

    private static Dictionary<string, double?[]> By<T>(IEnumerable<T> rows, Func<T, string> key, Func<IEnumerable<T>, double?[]> figures) =>
        rows.GroupBy(key).ToDictionary(g => g.Key, g => figures(g.ToList()));

    private static double? Mean<T>(IEnumerable<T> rows, Func<T, decimal> value)
    {
        var list = rows.ToList();
        return list.Count == 0 ? null : (double)(list.Sum(value) / list.Count);
    }

    private static double? Mean<T>(IEnumerable<T> rows, Func<T, long> value) => Mean(rows, r => (decimal)value(r));

    private static double? Rate<T>(IEnumerable<T> rows, Func<T, bool> flag) => Mean(rows, r => flag(r) ? 1m : 0m);
}
