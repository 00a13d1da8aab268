namespace HubAspire.Core.Schema;

/// <summary>
/// Every categorical value list of DATA.md, in the listed order. The order matters: it is the
/// order of the probabilities in <see cref="Weighted"/> lists and the natural order of
/// stages and priorities in the API.
/// </summary>
public static class CrmValues
{
    public static readonly string[] Industries =
    [
        "Technology", "Healthcare", "Finance", "Manufacturing", "Retail", "Education",
        "Real Estate", "Media", "Energy", "Transportation", "Telecommunications", "Hospitality",
        "Agriculture", "Automotive", "Pharmaceuticals", "Aerospace", "Consulting", "Insurance",
        "Legal Services", "Non-Profit",
    ];

    public static readonly string[] Regions =
        ["North America", "Europe", "Asia Pacific", "Latin America", "Middle East", "Africa", "Oceania"];

    public static readonly string[] LeadSources =
    [
        "Organic Search", "Paid Search", "Social Media", "Email Marketing", "Direct Traffic",
        "Referral", "Content Marketing", "Events", "Partner", "Cold Outreach",
    ];

    public static readonly string[] CampaignTypes =
    [
        "Newsletter", "Product Launch", "Drip Campaign", "Re-engagement", "Seasonal Promotion",
        "Webinar Invite", "Case Study", "Feature Announcement", "Survey", "Onboarding",
    ];

    public static readonly string[] TicketCategories =
    [
        "Bug Report", "Feature Request", "Billing", "Integration", "Performance", "Security",
        "Onboarding", "Data Migration", "API Issue", "General Inquiry",
    ];

    public static readonly string[] EmailDomains =
    [
        "gmail.com", "yahoo.com", "outlook.com", "company.io", "business.com", "tech.org",
        "work.net", "mail.com", "proton.me", "fastmail.com",
    ];

    public static readonly string[] JobTitles =
    [
        "CEO", "CTO", "VP Sales", "Marketing Manager", "Engineer", "Product Manager", "Designer",
        "Data Analyst", "Account Executive", "Customer Success", "DevOps Engineer", "HR Manager",
        "CFO", "Sales Rep", "Support Agent", "Consultant",
    ];

    public static readonly string[] MarketingEventTypes =
    [
        "Page View", "Form Submit", "CTA Click", "Email Open", "Email Click", "Social Click",
        "Ad Click", "Video View", "Download", "Webinar Attend",
    ];

    public static readonly string[] UtmSources =
        ["google", "facebook", "linkedin", "twitter", "bing", "newsletter", "partner", "direct"];

    public static readonly string[] PageUrls =
    [
        "/", "/pricing", "/features", "/blog", "/contact", "/about", "/demo", "/docs", "/api",
        "/integrations", "/case-studies", "/careers", "/partners", "/resources", "/webinars",
        "/product/crm", "/product/marketing", "/product/sales", "/product/service", "/product/cms",
    ];

    public static readonly string[] ReferrerDomains =
    [
        "google.com", "facebook.com", "linkedin.com", "twitter.com", "direct", "bing.com",
        "reddit.com", "youtube.com", "github.com", "other",
    ];

    public static readonly string[] Countries =
    [
        "US", "UK", "DE", "FR", "CA", "AU", "JP", "BR", "IN", "MX", "KR", "SG", "NL", "SE", "ES",
        "IT", "PL", "NG", "ZA", "AE",
    ];

    public static readonly Weighted LifecycleStages = new(
        ["Subscriber", "Lead", "MQL", "SQL", "Opportunity", "Customer", "Evangelist"],
        [.25, .20, .18, .12, .10, .10, .05]);

    /// <summary>Deal stages in funnel order.</summary>
    public static readonly Weighted DealStages = new(
        ["Prospecting", "Qualification", "Proposal", "Negotiation", "Closed Won", "Closed Lost"],
        [.28, .22, .16, .10, .14, .10]);

    public const string ClosedWon = "Closed Won";
    public const string ClosedLost = "Closed Lost";

    public static readonly Weighted Pipelines = new(
        ["Enterprise", "Mid-Market", "SMB", "Partner"],
        [.15, .25, .45, .15]);

    public static readonly Weighted MarketingChannels = new(
        ["Organic", "Paid", "Social", "Email", "Direct", "Referral"],
        [.25, .20, .18, .17, .12, .08]);

    public static readonly Weighted MarketingDevices = new(["Desktop", "Mobile", "Tablet"], [.55, .35, .10]);

    public static readonly Weighted EmailActions = new(
        ["Sent", "Delivered", "Opened", "Clicked", "Bounced", "Unsubscribed", "Spam"],
        [.30, .28, .20, .10, .05, .04, .03]);

    /// <summary>Ticket priorities, most urgent first.</summary>
    public static readonly Weighted TicketPriorities = new(["Critical", "High", "Medium", "Low"], [.05, .15, .50, .30]);

    public static readonly Weighted TicketStatuses = new(
        ["Open", "In Progress", "Waiting", "Resolved", "Closed"],
        [.15, .20, .10, .25, .30]);

    public static readonly Weighted Browsers = new(
        ["Chrome", "Safari", "Firefox", "Edge", "Opera"],
        [.65, .18, .08, .07, .02]);

    public static readonly Weighted WebDevices = new(["Desktop", "Mobile", "Tablet"], [.52, .38, .10]);
}
