using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

/// <summary>Every relationship rule of DATA.md holds for every row (counts of violations must be 0).</summary>
public sealed class RelationshipTests(DatasetFixture dataset) : IClassFixture<DatasetFixture>
{
    private DuckDb Db => dataset.Db;

    [Theory]
    [InlineData("deal's company is its contact's company",
        "select count(*) from deals d join contacts c using (contact_id) where d.company_id <> c.company_id")]
    [InlineData("ticket's company is its contact's company",
        "select count(*) from support_tickets t join contacts c using (contact_id) where t.company_id <> c.company_id")]
    [InlineData("deal region and industry are its company's",
        "select count(*) from deals d join companies c using (company_id) where d.region <> c.region or d.industry <> c.industry")]
    [InlineData("contact region is its company's",
        "select count(*) from contacts k join companies c using (company_id) where k.region <> c.region")]
    [InlineData("no conversion on a bounced session",
        "select count(*) from web_analytics where bounce = 1 and conversion = 1")]
    [InlineData("marketing event not before the contact's first touch",
        "select count(*) from marketing_events m join contacts c using (contact_id) where m.timestamp < c.first_touch_date")]
    [InlineData("every foreign key points at an existing row",
        """
        select (select count(*) from contacts where company_id not in (select company_id from companies))
             + (select count(*) from deals where contact_id not in (select contact_id from contacts))
             + (select count(*) from marketing_events where contact_id not in (select contact_id from contacts))
             + (select count(*) from email_campaigns where contact_id not in (select contact_id from contacts))
             + (select count(*) from support_tickets where contact_id not in (select contact_id from contacts))
        """)]
    public void Rule_holds_for_every_row(string rule, string violationsSql)
    {
        Assert.True(Db.Scalar<long>(violationsSql) == 0, $"'{rule}' is broken");
    }

    [Theory]
    [InlineData("companies", "created_at")]
    [InlineData("contacts", "first_touch_date")]
    [InlineData("deals", "created_at")]
    [InlineData("marketing_events", "timestamp")]
    [InlineData("email_campaigns", "timestamp")]
    [InlineData("support_tickets", "created_at")]
    [InlineData("web_analytics", "timestamp")]
    public void Timestamps_are_whole_utc_seconds_within_the_range(string entity, string column)
    {
        var row = Db.Rows($"""
            select min({column}) >= '2023-01-01 00:00:00+00'::timestamptz,
                   max({column}) <= '2025-12-31 23:59:59+00'::timestamptz,
                   bool_and(epoch_ms({column}) % 1000 = 0),
                   max({column}) >= '2025-11-01 00:00:00+00'::timestamptz
            from {entity}
            """)[0];

        Assert.Equal([true, true, true, true], row.Cast<bool>());
    }

    [Fact]
    public void Ids_are_one_to_n_without_gaps()
    {
        foreach (var (entity, id) in new[] { ("companies", "company_id"), ("contacts", "contact_id"), ("deals", "deal_id"), ("web_analytics", "session_id") })
        {
            var row = Db.Rows($"select min({id}), max({id}), count(distinct {id}), count(*) from {entity}")[0].Select(Convert.ToInt64).ToArray();
            Assert.Equal([1, row[3], row[3], row[3]], row);
        }
    }

    [Fact]
    public void Names_and_emails_follow_their_patterns()
    {
        Assert.Equal("Company_000007", Db.Scalar<string>("select company_name from companies where company_id = 7"));
        Assert.Equal("Deal_0000042", Db.Scalar<string>("select deal_name from deals where deal_id = 42"));
        Assert.Equal("user_13@company.io", Db.Scalar<string>("select email from contacts where contact_id = 13"));
        Assert.Equal("user_20@gmail.com", Db.Scalar<string>("select email from contacts where contact_id = 20"));
    }
}
