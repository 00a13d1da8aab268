namespace HubAspire.Api.Runs;

public enum RunAvailability
{
    Serving,

    /// <summary>The store holds no succeeded run (or no schema yet: the ETL migrates it before its first run).</summary>
    NoRunYet,

    /// <summary>PostgreSQL did not answer, or refused us.</summary>
    DatabaseUnavailable,
}

/// <summary>What the API can serve now.</summary>
/// <param name="Run">Set when <see cref="Availability"/> is <see cref="RunAvailability.Serving"/>.</param>
/// <param name="Reason">Why the database is unavailable, for the log (never sent to clients).</param>
public sealed record RunState(RunAvailability Availability, ServedRun? Run = null, string? Reason = null)
{
    public static readonly RunState NoRunYet = new(RunAvailability.NoRunYet);

    public static RunState Serving(ServedRun run) => new(RunAvailability.Serving, run);

    public static RunState Unavailable(string reason) => new(RunAvailability.DatabaseUnavailable, Reason: reason);
}
