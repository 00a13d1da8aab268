using HubAspire.Api.Runs;
using HubAspire.Store;
using Npgsql;

namespace HubAspire.Api.Extensions;

public static class Extensions
{
    /// <summary>The connection string's name: the AppHost's database resource, as Aspire injects it.</summary>
    public const string ConnectionName = "hubaspire";

    /// <summary>
    /// The store, read through Aspire's Npgsql data source (pooling, health check, traces down to
    /// each command) and the store library; the run tracker; the API's settings.
    /// </summary>
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.AddNpgsqlDataSource(ConnectionName, configureDataSourceBuilder: source =>
        {
            // Every session starts read-only: the API cannot change what the ETL wrote, whatever
            // role the connection string names.
            var options = source.ConnectionStringBuilder.Options;
            source.ConnectionStringBuilder.Options = (string.IsNullOrWhiteSpace(options) ? "" : options + " ") + "-c default_transaction_read_only=on";
        });

        builder.Services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        builder.Services.AddSingleton(TimeProvider.System);
        // One attempt per check: the API answers 503 at once and checks again a second later,
        // rather than holding requests through the store's retries.
        builder.Services.AddSingleton(services => new RunStore(services.GetRequiredService<NpgsqlDataSource>(), new RunStoreOptions { ConnectAttempts = 1 }));
        builder.Services.AddSingleton<RunTracker>();
    }
}
