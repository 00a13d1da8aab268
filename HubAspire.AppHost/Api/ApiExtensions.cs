using HubAspire.AppHost.Startup;

namespace HubAspire.AppHost.Api;

/// <summary>
/// The API: serves the latest succeeded ETL run from the aggregate store over HTTP. It waits for
/// the database only, not for the ETL: until a run succeeds it answers 503 (the dashboard shows
/// that state), and it serves each newer run as soon as it succeeds.
/// </summary>
public static class ApiExtensions
{
    public static IResourceBuilder<ProjectResource> AddApi(
        this IDistributedApplicationBuilder builder,
        IResourceBuilder<IResourceWithConnectionString> aggregateStore,
        IResourceBuilder<ProjectResource> etl) =>
        builder.AddProject<Projects.HubAspire_Api>("api")
            .WithReference(aggregateStore)
            // A database that failed to start fails this resource too, instead of leaving it waiting forever.
            .WaitFor(aggregateStore, WaitBehavior.StopOnResourceUnavailable)
            .WithRelationship(etl.Resource, "Serves runs of")
            .WithHttpEndpoint()
            .WithHttpHealthCheck("/health")
            // Every replica serves the latest succeeded run; the web's requests reach them through one proxied endpoint.
            .WithReplicas(ReplicaSetting.Read(builder, ReplicasSetting, minimum: 1));

    public const string ReplicasSetting = "Api:Replicas";
}
