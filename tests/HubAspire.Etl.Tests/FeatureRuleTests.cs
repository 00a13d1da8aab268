using HubAspire.Core.Features;

namespace HubAspire.Etl.Tests;

/// <summary>ETL.md's processor rules, pinned by literal cases at every edge (edges are upper-inclusive).</summary>
public sealed class FeatureRuleTests
{
    [Theory]
    [InlineData(0, "Micro"), InlineData(10, "Micro"), InlineData(11, "Small"), InlineData(50, "Small"), InlineData(51, "Medium")]
    [InlineData(200, "Medium"), InlineData(201, "Large"), InlineData(1000, "Large"), InlineData(1001, "Enterprise")]
    [InlineData(5000, "Enterprise"), InlineData(5001, "Mega"), InlineData(49_999, "Mega")]
    public void Employee_tier(long employees, string tier) => Assert.Equal(tier, EntityFeatures.EmployeeTier(employees));

    [Theory]
    [InlineData(0, "F"), InlineData(20, "F"), InlineData(21, "D"), InlineData(40, "D"), InlineData(41, "C"), InlineData(60, "C")]
    [InlineData(61, "B"), InlineData(80, "B"), InlineData(81, "A"), InlineData(100, "A")]
    public void Lead_grade(long score, string grade) => Assert.Equal(grade, EntityFeatures.LeadGrade(score));

    [Theory]
    [InlineData(0.01, "< $1K"), InlineData(1_000, "< $1K"), InlineData(1_000.01, "$1K–10K"), InlineData(10_000, "$1K–10K")]
    [InlineData(10_000.01, "$10K–50K"), InlineData(50_000, "$10K–50K"), InlineData(50_000.01, "$50K–200K"), InlineData(200_000, "$50K–200K")]
    [InlineData(200_000.01, "$200K–1M"), InlineData(1_000_000, "$200K–1M"), InlineData(1_000_000.01, "> $1M")]
    public void Revenue_bucket(double amount, string bucket) => Assert.Equal(bucket, EntityFeatures.RevenueBucket(amount));

    [Theory]
    [InlineData("Critical", 4.0, true), InlineData("Critical", 4.1, false), InlineData("High", 24.0, true), InlineData("High", 24.1, false)]
    [InlineData("Medium", 72.0, true), InlineData("Medium", 72.1, false), InlineData("Low", 168.0, true), InlineData("Low", 168.1, false)]
    [InlineData("Urgent", 0.5, false)]
    public void Sla_met_within_the_priority_limit(string priority, double hours, bool met) => Assert.Equal(met, EntityFeatures.SlaMet(priority, hours));

    [Theory]
    [InlineData(11.25, 10, 1.12)] // 1.125 is a tie: half to even
    [InlineData(11.35, 10, 1.14)] // 11.35 × 10 / 100 is not an exact tie in binary: the nearer cent wins
    [InlineData(1_000, 45.5, 455.0)]
    [InlineData(123.45, 0, 0.0)]
    public void Weighted_amount_is_rounded_to_cents_half_to_even(double amount, double probability, double weighted) =>
        Assert.Equal(weighted, EntityFeatures.WeightedAmount(amount, probability));

    [Theory]
    [InlineData(70, 3, 23.3333)]
    [InlineData(45.5, 0, 45.5)] // days clamped to 1
    [InlineData(10, 7, 1.4286)]
    public void Velocity_score_has_four_decimals(double probability, long days, double velocity) =>
        Assert.Equal(velocity, EntityFeatures.VelocityScore(probability, days));

    [Theory]
    [InlineData(100, 5, 150), InlineData(499, 19, 689), InlineData(950, 10, 1000), InlineData(0, 0, 0)]
    public void Engagement_index_is_capped_at_1000(long pageViews, long forms, long index) =>
        Assert.Equal(index, EntityFeatures.EngagementIndex(pageViews, forms));

    [Fact]
    public void Engagement_thresholds_are_exclusive()
    {
        Assert.False(EntityFeatures.IsEngagedEvent(60));
        Assert.True(EntityFeatures.IsEngagedEvent(61));
        Assert.False(EntityFeatures.IsEngagedSession(30, 0));
        Assert.True(EntityFeatures.IsEngagedSession(31, 0));
        Assert.False(EntityFeatures.IsEngagedSession(31, 1));
    }

    [Theory]
    [InlineData("Opened", true, false, false, false), InlineData("Clicked", true, true, false, false)]
    [InlineData("Bounced", false, false, true, false), InlineData("Unsubscribed", false, false, false, true)]
    [InlineData("Spam", false, false, false, true), InlineData("Sent", false, false, false, false), InlineData("Delivered", false, false, false, false)]
    public void Email_flags(string action, bool opened, bool clicked, bool bounced, bool unsubscribed) =>
        Assert.Equal((opened, clicked, bounced, unsubscribed),
            (EntityFeatures.IsOpened(action), EntityFeatures.IsClicked(action), EntityFeatures.IsBounced(action), EntityFeatures.IsUnsubscribe(action)));

    [Fact]
    public void Deal_outcome_flags()
    {
        Assert.True(EntityFeatures.IsWon("Closed Won"));
        Assert.True(EntityFeatures.IsLost("Closed Lost"));
        Assert.False(EntityFeatures.IsWon("Negotiation") || EntityFeatures.IsLost("Negotiation"));
    }

    [Fact]
    public void Company_age_and_revenue_per_employee()
    {
        Assert.Equal(75, EntityFeatures.CompanyAge(1950));
        Assert.Equal(2, EntityFeatures.CompanyAge(2023));
        Assert.Equal(333.33, EntityFeatures.RevenuePerEmployee(1000, 3));
        Assert.Equal(1000, EntityFeatures.RevenuePerEmployee(1000, 0));
    }

    [Theory]
    [InlineData("2023-01-01T00:00:00Z", "2023-01", "2023Q1", 0, "Sunday")]
    [InlineData("2024-09-30T23:59:59Z", "2024-09", "2024Q3", 23, "Monday")]
    [InlineData("2025-12-31T23:59:59Z", "2025-12", "2025Q4", 23, "Wednesday")]
    public void Calendar_features_in_utc(string timestamp, string month, string quarter, int hour, string day)
    {
        var utc = DateTime.Parse(timestamp, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var key = TimeFeatures.MonthKey(utc);

        Assert.Equal((month, quarter, hour, day), (TimeFeatures.Month(key), TimeFeatures.Quarter(key), TimeFeatures.Hour(utc), TimeFeatures.DayOfWeek(utc)));
        Assert.Equal(key, TimeFeatures.MonthKey(new DateTimeOffset(utc).ToUnixTimeSeconds()));
    }

    [Theory]
    [InlineData("2024-01", true), InlineData("2024-12", true), InlineData("2024-13", false), InlineData("2024-00", false)]
    [InlineData("2024-1", false), InlineData("24-01", false), InlineData("2024/01", false), InlineData("abcd-ef", false)]
    public void Month_parsing(string text, bool valid) => Assert.Equal(valid, TimeFeatures.ParseMonth(text) is not null);
}
