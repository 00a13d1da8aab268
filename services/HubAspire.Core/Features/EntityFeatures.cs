using HubAspire.Core.Rules;

namespace HubAspire.Core.Features;

/// <summary>
/// The engineered features of ETL.md's seven processors, one definition each. Bucket edges are
/// upper-inclusive; every "N decimals" rounds half to even on the double value.
/// </summary>
public static class EntityFeatures
{
    // ---- companies
    private static readonly (int UpTo, string Tier)[] EmployeeTiers =
        [(10, "Micro"), (50, "Small"), (200, "Medium"), (1000, "Large"), (5000, "Enterprise")];

    public const string LargestEmployeeTier = "Mega";

    public static string EmployeeTier(long employees)
    {
        foreach (var (upTo, tier) in EmployeeTiers)
        {
            if (employees <= upTo)
            {
                return tier;
            }
        }

        return LargestEmployeeTier;
    }

    public static double RevenuePerEmployee(double annualRevenue, long employees) =>
        Math.Round(annualRevenue / Math.Max(employees, 1), 2);

    public static long CompanyAge(long foundedYear) => Schema.DataRange.ReferenceYear - foundedYear;

    // ---- contacts
    private static readonly (int UpTo, string Grade)[] LeadGrades = [(20, "F"), (40, "D"), (60, "C"), (80, "B"), (100, "A")];

    public static string LeadGrade(long leadScore)
    {
        foreach (var (upTo, grade) in LeadGrades)
        {
            if (leadScore <= upTo)
            {
                return grade;
            }
        }

        return "A"; // scores are clipped to 100; anything above is still the best grade
    }

    public const long EngagementIndexCap = 1000;

    public static long EngagementIndex(long pageViews, long formSubmissions) =>
        Math.Min(pageViews + 10 * formSubmissions, EngagementIndexCap);

    // ---- deals
    private static readonly (double UpTo, string Bucket)[] RevenueBuckets =
        [(1_000, "< $1K"), (10_000, "$1K–10K"), (50_000, "$10K–50K"), (200_000, "$50K–200K"), (1_000_000, "$200K–1M")];

    public const string LargestRevenueBucket = "> $1M";

    public static string RevenueBucket(double amount)
    {
        foreach (var (upTo, bucket) in RevenueBuckets)
        {
            if (amount <= upTo)
            {
                return bucket;
            }
        }

        return LargestRevenueBucket;
    }

    public static double WeightedAmount(double amount, double probability) => Math.Round(amount * probability / 100, 2);

    public static double VelocityScore(double probability, long daysInPipeline) =>
        Math.Round(probability / Math.Max(daysInPipeline, 1), 4);

    public static bool IsWon(string stage) => stage == Schema.CrmValues.ClosedWon;

    public static bool IsLost(string stage) => stage == Schema.CrmValues.ClosedLost;

    // ---- marketing events and web sessions
    public const int EngagedMarketingSeconds = 60;
    public const int EngagedWebSeconds = 30;

    public static bool IsEngagedEvent(long sessionDurationSeconds) => sessionDurationSeconds > EngagedMarketingSeconds;

    public static bool IsEngagedSession(long sessionDurationSeconds, long bounce) =>
        sessionDurationSeconds > EngagedWebSeconds && bounce == 0;

    // ---- email events
    public static bool IsOpened(string action) => action is "Opened" or "Clicked";

    public static bool IsClicked(string action) => action == "Clicked";

    public static bool IsBounced(string action) => action == "Bounced";

    public static bool IsUnsubscribe(string action) => action is "Unsubscribed" or "Spam";

    // ---- support tickets
    /// <summary>Unknown priorities (foreign data) have no SLA and never meet it.</summary>
    public static bool SlaMet(string priority, double resolutionHours)
    {
        var index = Schema.CrmValues.TicketPriorities.IndexOf(priority);
        return index >= 0 && SupportSla.IsMet(index, resolutionHours);
    }
}
