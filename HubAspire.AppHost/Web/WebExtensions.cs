using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HubAspire.AppHost.Web;

/// <summary>
/// The analytics dashboard: the web host serves the page and forwards same-origin /api/* to the
/// API, found by service discovery. It starts once the API is healthy, on an external endpoint
/// with a fixed port (<c>Web:Port</c>, default 5180) so its address is the same every run; the
/// AppHost prints it when the page is ready, and the Aspire dashboard lists it.
/// </summary>
public static class WebExtensions
{
    public const string PortSetting = "Web:Port";
    public const int DefaultPort = 5180;

    public static IResourceBuilder<ProjectResource> AddWeb(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> api)
    {
        var port = builder.Configuration.GetValue(PortSetting, DefaultPort);
        return builder.AddProject<Projects.HubAspire_Web>("web")
            .WithReference(api)
            // An API that failed to start fails this resource too, instead of leaving it (and the AppHost's start) waiting forever.
            .WaitFor(api, WaitBehavior.StopOnResourceUnavailable)
            .WithHttpEndpoint(port: port)
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Analytics dashboard")
            .OnResourceReady((web, ready, _) =>
            {
                ready.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HubAspire.AppHost")
                    .LogInformation("Analytics dashboard: {Url}", web.GetEndpoint("http").Url);
                return Task.CompletedTask;
            });
    }
}
