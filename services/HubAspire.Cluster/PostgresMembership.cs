using HubAspire.Cluster.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace HubAspire.Cluster;

/// <summary>
/// The cluster's membership table lives in the aggregate store's PostgreSQL, which every start
/// already has (no Redis or other server to install). The AppHost names Orleans' ADO.NET provider
/// and the store's connection (<c>Orleans:Clustering:ProviderType=AdoNet</c>,
/// <c>Orleans:Clustering:ConnectionName</c>); this completes the provider's options with what only
/// we know: the Npgsql invariant and the schema our tables are in (<see cref="PostgresMembershipSchema"/>).
/// </summary>
public static class PostgresMembership
{
    private const string Section = "Orleans:Clustering";

    /// <summary>The store's connection string as the provider would find it; null when none is configured.</summary>
    public static string? ConnectionString(IConfiguration configuration) =>
        configuration[$"{Section}:ConnectionString"]
        ?? (configuration[$"{Section}:ConnectionName"] is { Length: > 0 } name ? configuration.GetConnectionString(name) : null);

    /// <summary>A missing connection string stays missing, so the provider's own check says so.</summary>
    private static string? InOurSchema(string? connectionString) =>
        string.IsNullOrEmpty(connectionString) ? connectionString : PostgresMembershipSchema.ConnectionStringFor(connectionString);

    public static void CompleteProviderOptions(IServiceCollection services)
    {
        services.PostConfigure<AdoNetClusteringSiloOptions>(options =>
            (options.Invariant, options.ConnectionString) = (PostgresMembershipSchema.Invariant, InOurSchema(options.ConnectionString)));
        services.PostConfigure<AdoNetClusteringClientOptions>(options =>
            (options.Invariant, options.ConnectionString) = (PostgresMembershipSchema.Invariant, InOurSchema(options.ConnectionString)));
    }
}
