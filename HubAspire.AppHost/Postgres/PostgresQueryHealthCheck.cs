using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace HubAspire.AppHost.Postgres;

/// <summary>
/// Healthy once PostgreSQL answers <c>select 1</c> in the resource's database (or in
/// <paramref name="database"/>): accepting connections is not enough, the database must exist.
/// </summary>
/// <remarks>
/// No connection pooling: a pooled idle connection held by the AppHost would make the server's
/// SIGTERM ("smart") shutdown wait for it.
/// </remarks>
public sealed class PostgresQueryHealthCheck(IResourceWithConnectionString resource, string? database = null) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connectionString = await resource.GetConnectionStringAsync(cancellationToken);
            if (connectionString is null)
            {
                return new HealthCheckResult(context.Registration.FailureStatus, "The connection string is not available yet.");
            }

            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, Timeout = 5 };
            if (database is not null)
            {
                builder.Database = database;
            }

            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand("select 1", connection);
            await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            return new HealthCheckResult(context.Registration.FailureStatus, e.Message, e);
        }
    }
}
