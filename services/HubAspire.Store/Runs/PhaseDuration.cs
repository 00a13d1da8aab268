namespace HubAspire.Store.Runs;

/// <summary>Phase durations are stored as milliseconds with three decimals: microseconds, exactly.</summary>
internal static class PhaseDuration
{
    public static double ToMilliseconds(TimeSpan duration) => Math.Round(duration.Ticks / 10.0) / 1000.0;

    public static TimeSpan FromMilliseconds(double milliseconds) => TimeSpan.FromTicks((long)Math.Round(milliseconds * 1000.0) * 10);
}
