namespace HubAspire.Benchmarks.Api;

/// <summary>One measured case of the api command; NaN figures when it was not run.</summary>
/// <param name="Connections">Concurrent connections of the load, or null when skipped.</param>
public sealed record ApiCase(
    string Name, string Load, int? Connections, long Requests, long Failures, double RequestsPerSecond, double P50Milliseconds, double P99Milliseconds);
