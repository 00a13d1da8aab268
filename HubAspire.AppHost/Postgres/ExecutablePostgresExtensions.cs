using HubAspire.LocalInfrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace HubAspire.AppHost.Postgres;

/// <summary>
/// PostgreSQL from the machine's own binaries as an Aspire executable: an init step before each
/// start, the server on a port Aspire allocates (TCP only, localhost), a health check that runs a
/// query, and databases created once the server is ready — what <c>AddPostgres</c> gives with a
/// container. As root, initdb and postgres run as the <c>postgres</c> OS user (see
/// <see cref="PostgresBinaries"/>); <c>setpriv</c> execs in place, so Aspire tracks and stops the
/// server itself.
/// </summary>
public static class ExecutablePostgresExtensions
{
    public static IResourceBuilder<PostgresExecutableResource> AddExecutablePostgres(
        this IDistributedApplicationBuilder builder, string name, PostgresBinaries binaries,
        IResourceBuilder<ParameterResource> password, string dataDirectory)
    {
        var (command, leadingArguments) = PostgresBinaries.ServiceUserLauncher(binaries.Postgres);
        var server = new PostgresExecutableResource(name, command, Path.GetDirectoryName(dataDirectory)!, password.Resource, dataDirectory);

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresQueryHealthCheck(server, database: "postgres"), failureStatus: null, tags: null));

        return builder.AddResource(server)
            .WithEndpoint(name: PostgresExecutableResource.PrimaryEndpointName, scheme: "tcp")
            .WithArgs(context =>
            {
                object[] arguments =
                [
                    .. leadingArguments,
                    "-D", server.DataDirectory,
                    "-p", server.PrimaryEndpoint.Property(EndpointProperty.TargetPort),
                    "-c", "listen_addresses=localhost",
                    // TCP only: a socket directory would have to exist and be writable by the service account.
                    "-c", "unix_socket_directories=",
                ];
                foreach (var argument in arguments)
                {
                    context.Args.Add(argument);
                }
            })
            .WithIconName("DatabaseMultiple")
            .WithHealthCheck(healthCheckKey)
            .OnBeforeResourceStarted(async (resource, @event, cancellationToken) =>
            {
                var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
                var passwordValue = await resource.PasswordParameter.GetValueAsync(cancellationToken)
                    ?? throw new InvalidOperationException($"The parameter '{resource.PasswordParameter.Name}' has no value.");
                await PostgresClusterPreparation.PrepareAsync(
                    binaries, resource.DataDirectory, PostgresExecutableResource.UserName, passwordValue, logger, cancellationToken);
            })
            .ExcludeFromManifest();
    }

    /// <summary>
    /// A database on the server, created when the server first reports healthy after each start.
    /// Aspire hands a container's state down to its databases but not an executable's, so the
    /// database follows the server's state here, and turns Running only once it exists.
    /// </summary>
    public static IResourceBuilder<PostgresExecutableDatabaseResource> AddDatabase(
        this IResourceBuilder<PostgresExecutableResource> builder, string name, string? databaseName = null)
    {
        var database = new PostgresExecutableDatabaseResource(name, databaseName ?? name, builder.Resource);

        var healthCheckKey = $"{name}_check";
        builder.ApplicationBuilder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new PostgresQueryHealthCheck(database), failureStatus: null, tags: null));

        builder.OnResourceReady(async (server, @event, cancellationToken) =>
        {
            var notifications = @event.Services.GetRequiredService<ResourceNotificationService>();
            var logger = @event.Services.GetRequiredService<ResourceLoggerService>().GetLogger(database);
            try
            {
                await CreateDatabaseIfMissingAsync(server, database.DatabaseName, logger, cancellationToken);
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.Running, StartTimeStamp = DateTime.UtcNow, StopTimeStamp = null });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Creating the database '{Database}' failed", database.DatabaseName);
                await notifications.PublishUpdateAsync(database, s => s with { State = KnownResourceStates.FailedToStart });
            }
        });

        return builder.ApplicationBuilder.AddResource(database)
            .WithHealthCheck(healthCheckKey)
            .WithIconName("Database")
            .OnInitializeResource((resource, @event, cancellationToken) => FollowServerStateAsync(resource, @event, cancellationToken))
            .ExcludeFromManifest();
    }

    /// <summary>Every state of the server but Running (which waits for the database) becomes the database's.</summary>
    private static async Task FollowServerStateAsync(PostgresExecutableDatabaseResource database, InitializeResourceEvent @event, CancellationToken cancellationToken)
    {
        var stopping = @event.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping;
        using var watch = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stopping);
        try
        {
            await foreach (var update in @event.Notifications.WatchAsync(watch.Token))
            {
                var state = update.Snapshot.State;
                if (update.Resource != database.Parent || state is null || state.Text == KnownResourceStates.Running)
                {
                    continue;
                }

                if (@event.Notifications.TryGetCurrentState(database.Name, out var current) && current.Snapshot.State?.Text == state.Text)
                {
                    continue;
                }

                await @event.Notifications.PublishUpdateAsync(database, s => s with
                {
                    State = state,
                    StartTimeStamp = update.Snapshot.StartTimeStamp,
                    StopTimeStamp = update.Snapshot.StopTimeStamp,
                });
            }
        }
        catch (OperationCanceledException) when (watch.IsCancellationRequested)
        {
            // The AppHost is stopping.
        }
    }

    private static async Task CreateDatabaseIfMissingAsync(PostgresExecutableResource server, string databaseName, ILogger logger, CancellationToken cancellationToken)
    {
        var connectionString = new NpgsqlConnectionStringBuilder(await ((IResourceWithConnectionString)server).GetConnectionStringAsync(cancellationToken))
        {
            Database = "postgres",
            Pooling = false,
        }.ConnectionString;
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);

        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection) { Parameters = { new() { Value = databaseName } } };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"create database \"{databaseName.Replace("\"", "\"\"")}\"", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
        logger.LogInformation("Created the database '{Database}'", databaseName);
    }
}
