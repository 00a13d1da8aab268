using Yarp.ReverseProxy.Configuration;

namespace HubAspire.Web.Extensions;

/// <summary>
/// Same-origin <c>/api/*</c> for the browser: forwarded unchanged (query, ETag headers, CSV) to
/// the API service, whose address comes from Aspire service discovery.
/// </summary>
public static class ApiProxyExtensions
{
    /// <summary>The API's address: a service-discovery name, resolved from <c>services:api:*</c> as Aspire injects it.</summary>
    public const string DefaultApiAddress = "http://api";

    public const string ApiAddressSetting = "Web:ApiAddress";

    public static void AddApiProxy(this IHostApplicationBuilder builder)
    {
        var address = builder.Configuration[ApiAddressSetting] ?? DefaultApiAddress;
        RouteConfig[] routes =
        [
            new() { RouteId = "api", ClusterId = "api", Match = new RouteMatch { Path = "/api/{**rest}" } },
        ];
        ClusterConfig[] clusters =
        [
            new()
            {
                ClusterId = "api",
                Destinations = new Dictionary<string, DestinationConfig> { ["api"] = new() { Address = address } },
            },
        ];

        builder.Services.AddReverseProxy()
            .LoadFromMemory(routes, clusters)
            .AddServiceDiscoveryDestinationResolver();
    }

    public static void MapApiProxy(this WebApplication app) => app.MapReverseProxy();
}
