using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HubAspire.Api.Telemetry;

/// <summary>The API's own spans (run checks, renders) and metrics, exported by the service defaults.</summary>
public static class ApiTelemetry
{
    public const string Name = "HubAspire.Api";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Responses served, tagged <c>cache</c> = hit | miss.</summary>
    public static readonly Counter<long> Responses = Meter.CreateCounter<long>("hubaspire.api.responses", "{response}", "Responses served from the per-run cache or rendered");

    public static readonly KeyValuePair<string, object?> CacheHit = new("cache", "hit");
    public static readonly KeyValuePair<string, object?> CacheMiss = new("cache", "miss");
}
