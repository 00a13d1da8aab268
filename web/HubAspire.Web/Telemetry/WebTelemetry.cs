namespace HubAspire.Web.Telemetry;

/// <summary>
/// The web host's telemetry name (its ActivitySource and Meter), exported by the service defaults
/// with ASP.NET Core's and the proxy's HTTP spans: a dashboard request's trace starts here.
/// </summary>
public static class WebTelemetry
{
    public const string Name = "HubAspire.Web";
}
