namespace HubAspire.Core.Schema;

/// <summary>The period every timestamp of the dataset falls in: 36 months, UTC, whole seconds.</summary>
public static class DataRange
{
    public static readonly DateTime Start = new(2023, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The last representable second (inclusive).</summary>
    public static readonly DateTime End = new(2025, 12, 31, 23, 59, 59, DateTimeKind.Utc);

    /// <summary>Number of distinct seconds in the range: End − Start + 1.</summary>
    public static readonly long Seconds = (long)(End - Start).TotalSeconds + 1;

    /// <summary>The year features such as company age are measured against (the range's end).</summary>
    public static int ReferenceYear => End.Year;

    public static DateTime AtSecond(long secondsFromStart) => Start.AddTicks(secondsFromStart * TimeSpan.TicksPerSecond);
}
