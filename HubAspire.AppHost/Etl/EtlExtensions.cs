using HubAspire.AppHost.Operations;

namespace HubAspire.AppHost.Etl;

/// <summary>The ETL: once the dataset is written and PostgreSQL is healthy, aggregates it into the store, then exits.</summary>
public static class EtlExtensions
{
    /// <param name="dataDirectory">The ETL's <c>--data</c>: it reads <c>raw/</c> there.</param>
    public static IResourceBuilder<ProjectResource> AddEtl(
        this IDistributedApplicationBuilder builder,
        string dataDirectory,
        IResourceBuilder<IResourceWithConnectionString> aggregateStore,
        IResourceBuilder<ProjectResource> generator) =>
        builder.AddProject<Projects.HubAspire_Etl>("etl")
            .WithArgs("--data", dataDirectory)
            .WithReference(aggregateStore)
            // A database that failed to start fails this resource too, instead of leaving it waiting forever.
            .WaitFor(aggregateStore, WaitBehavior.StopOnResourceUnavailable)
            .WaitForCompletion(generator)
            .WithForceOnOperatorStart()
            .WithRerunEtlCommand();
}
