namespace HubAspire.Core.Rules;

/// <summary>
/// The support SLA: a ticket meets it when resolved within its priority's limit (inclusive).
/// The generator uses it to draw satisfaction, the ETL to compute sla_met.
/// </summary>
public static class SupportSla
{
    /// <summary>Limit in hours by priority, in <see cref="Schema.CrmValues.TicketPriorities"/> order.</summary>
    private static readonly double[] LimitHoursByPriority = [4, 24, 72, 168];

    public static double LimitHours(int priorityIndex) => LimitHoursByPriority[priorityIndex];

    public static bool IsMet(int priorityIndex, double resolutionHours) =>
        resolutionHours <= LimitHoursByPriority[priorityIndex];
}
