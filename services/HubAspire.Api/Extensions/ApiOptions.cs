namespace HubAspire.Api.Extensions;

/// <summary>Settings under <c>Api</c> in configuration (e.g. <c>Api__RunCheckInterval=00:00:02</c>).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>
    /// How long the latest run's id is trusted before the store is asked again: a newer run (or
    /// an outage) shows within this time. One small query per interval, not one per request.
    /// </summary>
    public TimeSpan RunCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A check that takes longer counts as the database being unreachable.</summary>
    public TimeSpan RunCheckTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Responses kept per run. The query space is unbounded (any month of any year), so past
    /// this the cache starts over; a response is recomputed from the in-memory cubes in about a millisecond.
    /// </summary>
    public int MaxCachedResponses { get; set; } = 10_000;

    /// <summary>The <c>Retry-After</c> of a 503, in seconds.</summary>
    public int RetryAfterSeconds { get; set; } = 5;
}
