using HubAspire.AppHost.Startup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HubAspire.AppHost.Postgres;

/// <summary>
/// The aggregate store: PostgreSQL (<c>postgres</c>) with the database <c>hubaspire</c>, the same
/// names and connection string shape whichever provider runs it.
/// </summary>
public static class AggregateStoreExtensions
{
    public const string ServerName = "postgres";
    public const string DatabaseName = "hubaspire";
    public const string PasswordParameterName = "postgres-password";

    /// <summary>
    /// Chooses the provider (<see cref="PostgresProviderChoice"/>; throws
    /// <see cref="AppHostStartupException"/> when none can work) and adds the server and database.
    /// </summary>
    /// <param name="dataDirectory">HubAspire's data directory; the executable provider keeps its cluster in <c>postgres/</c> there.</param>
    public static IResourceBuilder<IResourceWithConnectionString> AddAggregateStore(this IDistributedApplicationBuilder builder, string dataDirectory)
    {
        var settings = PostgresSettings.From(builder.Configuration);
        var clusterDirectory = Path.Combine(dataDirectory, "postgres");
        var choice = PostgresProviderChoice.Make(settings, builder.Configuration["DOCKER_HOST"], clusterDirectory);

        // Generated once, then kept in the AppHost's user secrets: a cluster or volume made with
        // it keeps working on the next run. Alphanumeric, so it needs no quoting anywhere.
        var password = builder.AddParameter(
            PasswordParameterName,
            new GenerateParameterDefault { MinLength = 22, Special = false },
            secret: true,
            persist: true);

        builder.Eventing.Subscribe<BeforeStartEvent>((@event, _) =>
        {
            @event.Services.GetRequiredService<ILoggerFactory>().CreateLogger("HubAspire.AppHost.Postgres")
                .LogInformation("PostgreSQL provider: {Provider} ({Reason})", choice.Provider.ToString().ToLowerInvariant(), choice.Reason);
            return Task.CompletedTask;
        });

        return choice.Provider == PostgresProvider.Container
            ? builder.AddContainerPostgres(ServerName, password, settings).AddDatabase(DatabaseName)
            : builder.AddExecutablePostgres(ServerName, choice.Binaries!, password, clusterDirectory).AddDatabase(DatabaseName);
    }
}
