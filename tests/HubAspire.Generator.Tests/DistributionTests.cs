using HubAspire.Generator.Tests.Support;

namespace HubAspire.Generator.Tests;

/// <summary>
/// At scale 0.05 (242,500 rows) the drawn values follow DATA.md's distributions. Tolerances are
/// several standard errors wide, so a correct generator passes for any seed and a wrong
/// distribution (a swapped probability, a wrong mean) fails.
/// </summary>
public sealed class DistributionTests(DatasetFixture dataset) : IClassFixture<DatasetFixture>
{
    private DuckDb Db => dataset.Db;

    [Fact]
    public void Deal_stages_follow_the_funnel_shares()
    {
        var expected = new Dictionary<string, double>
        {
            ["Prospecting"] = .28, ["Qualification"] = .22, ["Proposal"] = .16,
            ["Negotiation"] = .10, ["Closed Won"] = .14, ["Closed Lost"] = .10,
        };
        var shares = Db.Rows("select stage, count(*) / sum(count(*)) over () from deals group by stage")
            .ToDictionary(r => (string)r[0]!, r => Convert.ToDouble(r[1]));

        Assert.Equal(expected.Keys.Order(), shares.Keys.Order());
        Assert.All(expected, e => Assert.InRange(shares[e.Key], e.Value - .015, e.Value + .015));
    }

    [Theory]
    [InlineData("contacts", "lifecycle_stage", "Subscriber", .25)]
    [InlineData("contacts", "lifecycle_stage", "Evangelist", .05)]
    [InlineData("deals", "pipeline", "SMB", .45)]
    [InlineData("marketing_events", "channel", "Organic", .25)]
    [InlineData("marketing_events", "device_type", "Tablet", .10)]
    [InlineData("email_campaigns", "action", "Sent", .30)]
    [InlineData("email_campaigns", "action", "Spam", .03)]
    [InlineData("support_tickets", "priority", "Medium", .50)]
    [InlineData("support_tickets", "status", "Closed", .30)]
    [InlineData("web_analytics", "browser", "Chrome", .65)]
    [InlineData("web_analytics", "device_type", "Mobile", .38)]
    [InlineData("web_analytics", "bounce", "1", .45)]
    public void Weighted_values_have_their_probability(string entity, string column, string value, double probability)
    {
        var share = Db.Scalar<double>($"select avg(case when cast({column} as varchar) = '{value}' then 1.0 else 0 end) from {entity}");

        Assert.InRange(share, probability - .012, probability + .012);
    }

    [Fact]
    public void Uniform_lists_use_every_value_about_equally()
    {
        var industries = Db.Rows("select industry, count(*) from companies group by industry");
        var countries = Db.Rows("select country, count(*) / sum(count(*)) over () from web_analytics group by country");

        Assert.Equal(20, industries.Count);
        Assert.Equal(20, countries.Count);
        Assert.All(countries, c => Assert.InRange(Convert.ToDouble(c[1]), .05 - .006, .05 + .006));
    }

    [Fact]
    public void Lognormal_amounts_have_the_specified_medians()
    {
        // Median of lognormal(μ, σ) is e^μ; deal amounts are scaled by the pipeline factor.
        var revenueMedian = Db.Scalar<double>("select median(annual_revenue) from companies");
        Assert.InRange(revenueMedian / Math.Exp(14), 0.85, 1.15);

        var factors = new Dictionary<string, double> { ["Enterprise"] = 3.0, ["Mid-Market"] = 1.5, ["SMB"] = 0.6, ["Partner"] = 1.0 };
        foreach (var row in Db.Rows("select pipeline, median(amount) from deals group by pipeline"))
        {
            var ratio = Convert.ToDouble(row[1]) / (Math.Exp(9) * factors[(string)row[0]!]);
            Assert.InRange(ratio, 0.9, 1.1);
        }
    }

    [Fact]
    public void Conversion_is_about_four_percent_overall()
    {
        var conversion = Db.Scalar<double>("select avg(conversion) from web_analytics");

        Assert.InRange(conversion, .04015 - .003, .04015 + .003);
    }

    [Fact]
    public void Resolution_time_has_the_exponential_mean_of_its_priority()
    {
        // An exponential's standard deviation equals its mean, so the sample mean's standard
        // error is mean/√n; clipping at 0.5 h adds at most 0.04 h (Critical). Allow 4 errors.
        var means = new Dictionary<string, double> { ["Critical"] = 3, ["High"] = 14, ["Medium"] = 40, ["Low"] = 90 };
        var actual = Db.Rows("select priority, avg(resolution_hours), count(*), min(resolution_hours), max(resolution_hours) from support_tickets group by priority");

        Assert.Equal(4, actual.Count);
        foreach (var row in actual)
        {
            var mean = means[(string)row[0]!];
            var tolerance = 4 * mean / Math.Sqrt(Convert.ToDouble(row[2])) + 0.05;
            Assert.InRange(Convert.ToDouble(row[1]), mean - tolerance, mean + tolerance);
            Assert.True(Convert.ToDouble(row[3]) >= 0.5 && Convert.ToDouble(row[4]) <= 720);
        }
    }

    [Fact]
    public void Session_durations_are_truncated_exponentials_within_their_limits()
    {
        var marketing = Db.Rows("select avg(session_duration_sec), min(session_duration_sec), max(session_duration_sec) from marketing_events")[0];
        var web = Db.Rows("select avg(session_duration_sec), min(session_duration_sec), max(session_duration_sec) from web_analytics")[0];

        // Truncating to whole seconds lowers the mean by about half a second.
        Assert.InRange(Convert.ToDouble(marketing[0]), 175, 184);
        Assert.Equal(1, Convert.ToInt32(marketing[1]));
        Assert.True(Convert.ToInt32(marketing[2]) <= 3600);
        Assert.InRange(Convert.ToDouble(web[0]), 116.5, 122.5);
        Assert.True(Convert.ToInt32(web[2]) <= 1800);
    }

    [Fact]
    public void Lead_scores_are_a_clipped_normal_around_fifty()
    {
        var row = Db.Rows("select avg(lead_score), min(lead_score), max(lead_score), avg(case when lead_score = 0 then 1.0 else 0 end) from contacts")[0];

        Assert.InRange(Convert.ToDouble(row[0]), 48.5, 51.5);
        Assert.Equal(0, Convert.ToInt32(row[1]));
        Assert.Equal(100, Convert.ToInt32(row[2]));
        // P(N(50,25) < 1) ≈ 2.5%: all of it is clipped to 0 (truncation toward zero also maps (-1, 1) to 0).
        Assert.InRange(Convert.ToDouble(row[3]), .018, .034);
    }

    [Fact]
    public void Satisfaction_is_higher_when_the_sla_was_met()
    {
        // SLA limits from ETL.md, written out here: Critical 4 h, High 24 h, Medium 72 h, Low 168 h.
        const string met = "resolution_hours <= case priority when 'Critical' then 4 when 'High' then 24 when 'Medium' then 72 else 168 end";
        var whenMet = Db.Scalar<double>($"select avg(satisfaction_score) from support_tickets where {met}");
        var whenMissed = Db.Scalar<double>($"select avg(satisfaction_score) from support_tickets where not ({met})");

        // Expected means: 1·.03+2·.07+3·.15+4·.40+5·.35 = 3.97 and 1·.15+2·.25+3·.30+4·.20+5·.10 = 2.85.
        Assert.InRange(whenMet, 3.97 - .05, 3.97 + .05);
        Assert.InRange(whenMissed, 2.85 - .06, 2.85 + .06);
    }

    [Fact]
    public void Integer_ranges_are_the_specified_half_open_intervals()
    {
        var checks = new (string Sql, long Min, long Max)[]
        {
            ("select min(founded_year), max(founded_year) from companies", 1950, 2023),
            ("select min(num_form_submissions), max(num_form_submissions) from contacts", 0, 19),
            ("select min(days_in_pipeline), max(days_in_pipeline) from deals", 1, 364),
            ("select min(campaign_id), max(campaign_id) from email_campaigns", 1, 5000),
            ("select min(send_hour), max(send_hour) from email_campaigns", 0, 23),
            ("select min(send_day_of_week), max(send_day_of_week) from email_campaigns", 0, 6),
            ("select min(page_views), max(page_views) from web_analytics", 1, 24),
            ("select min(page_depth), max(page_depth) from marketing_events", 1, 19),
        };

        foreach (var (sql, min, max) in checks)
        {
            var row = Db.Rows(sql)[0];
            Assert.Equal((min, max), (Convert.ToInt64(row[0]), Convert.ToInt64(row[1])));
        }

        // Too wide a range for 2,500 companies to reach both ends: only inside it.
        var employees = Db.Rows("select min(employee_count), max(employee_count) from companies")[0];
        Assert.InRange(Convert.ToInt64(employees[0]), 5, 100);
        Assert.InRange(Convert.ToInt64(employees[1]), 49_900, 49_999);
    }

    [Fact]
    public void Probabilities_follow_the_stage()
    {
        var rows = Db.Rows("select stage, min(probability), max(probability), bool_and(probability = round(probability, 1)) from deals group by stage")
            .ToDictionary(r => (string)r[0]!, r => (Min: Convert.ToDouble(r[1]), Max: Convert.ToDouble(r[2]), OneDecimal: (bool)r[3]!));

        Assert.Equal((100.0, 100.0), (rows["Closed Won"].Min, rows["Closed Won"].Max));
        Assert.Equal((0.0, 0.0), (rows["Closed Lost"].Min, rows["Closed Lost"].Max));
        Assert.InRange(rows["Prospecting"].Min, 0, 0.5);
        Assert.InRange(rows["Prospecting"].Max, 19.5, 20);
        Assert.InRange(rows["Negotiation"].Min, 60, 60.5);
        Assert.InRange(rows["Negotiation"].Max, 79.5, 80);
        Assert.All(rows.Values, r => Assert.True(r.OneDecimal));
    }
}
