namespace HubAspire.Web.Extensions;

public static class WebExtensions
{
    /// <summary>The web host's ActivitySource and Meter name, exported by the service defaults.</summary>
    public const string TelemetryName = "HubAspire.Web";
}
