namespace HubAspire.AppHost.Web;

/// <summary>
/// The analytics dashboard: the web host serves the page and forwards same-origin /api/* to the
/// API, found by service discovery. It starts once the API is healthy, on an external endpoint
/// whose URL the Aspire dashboard lists.
/// </summary>
public static class WebExtensions
{
    public static IResourceBuilder<ProjectResource> AddWeb(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<ProjectResource> api) =>
        builder.AddProject<Projects.HubAspire_Web>("web")
            .WithReference(api)
            // An API that failed to start fails this resource too, instead of leaving it (and the AppHost's start) waiting forever.
            .WaitFor(api, WaitBehavior.StopOnResourceUnavailable)
            .WithHttpEndpoint()
            .WithExternalHttpEndpoints()
            .WithHttpHealthCheck("/health")
            .WithUrlForEndpoint("http", url => url.DisplayText = "Analytics dashboard");
}
