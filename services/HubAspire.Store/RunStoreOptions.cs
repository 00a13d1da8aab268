namespace HubAspire.Store;

public sealed record RunStoreOptions
{
    /// <summary>Succeeded runs kept when a run completes (at least 1: the latest is never pruned).</summary>
    public int KeepSucceededRuns { get; init; } = 5;

    /// <summary>Attempts to open a connection while PostgreSQL is unreachable, before giving up.</summary>
    public int ConnectAttempts { get; init; } = 6;

    /// <summary>The wait after the first failed attempt; each further wait doubles, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromSeconds(0.5);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromSeconds(8);

    internal void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(KeepSucceededRuns, 1, nameof(KeepSucceededRuns));
        ArgumentOutOfRangeException.ThrowIfLessThan(ConnectAttempts, 1, nameof(ConnectAttempts));
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstRetryDelay, TimeSpan.Zero, nameof(FirstRetryDelay));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxRetryDelay, FirstRetryDelay, nameof(MaxRetryDelay));
    }
}
