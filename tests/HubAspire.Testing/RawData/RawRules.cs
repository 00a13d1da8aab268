namespace HubAspire.Testing.RawData;

/// <summary>
/// The spec's per-row rules as the tests write them, independently of the production code: their
/// constants are pinned here as literals (ETL.md's SLA limits, stage names, rounding).
/// </summary>
public static class RawRules
{
    public static int MonthKey(DateTime t) => t.Year * 12 + t.Month - 1;

    public static bool Won(DealRow d) => d.Stage == "Closed Won";

    public static bool Lost(DealRow d) => d.Stage == "Closed Lost";

    /// <summary>ETL.md: weighted_amount is rounded per row, half to even, on the double value.</summary>
    public static double Weighted(DealRow d) => Math.Round(d.Amount * d.Probability / 100, 2, MidpointRounding.ToEven);

    /// <summary>Money as exact cents.</summary>
    public static decimal Cents(double money) => Math.Round((decimal)money, 2);

    public static bool Opened(EmailRow e) => e.Action is "Opened" or "Clicked";

    public static bool Clicked(EmailRow e) => e.Action == "Clicked";

    public static bool Bounced(EmailRow e) => e.Action == "Bounced";

    public static bool EngagedSession(SessionRow s) => s.Duration > 30 && s.Bounce == 0;

    /// <summary>ETL.md's SLA limits, inclusive: Critical 4 h, High 24 h, Medium 72 h, Low 168 h.</summary>
    public static bool SlaMet(TicketRow t) => t.Hours <= t.Priority switch { "Critical" => 4, "High" => 24, "Medium" => 72, "Low" => 168, _ => -1 };
}
