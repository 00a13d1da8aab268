using Npgsql;

namespace HubAspire.Store.Resilience;

/// <summary>
/// Retries opening a connection while PostgreSQL is unreachable (refused, timed out, starting
/// up), with exponential backoff. Only the open is retried: once a connection is up, nothing has
/// been written, so a retry can never apply a write twice. Anything that is not a transient
/// connection failure (a wrong password, a missing database) fails at once.
/// </summary>
internal sealed class ConnectRetry(string endpoint, RunStoreOptions options)
{
    public static string EndpointOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"{builder.Host}:{builder.Port}";
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public static TimeSpan DelayAfter(int attempt, RunStoreOptions options)
    {
        var delay = options.FirstRetryDelay * Math.Pow(2, Math.Min(attempt - 1, 30));
        return delay < options.MaxRetryDelay ? delay : options.MaxRetryDelay;
    }

    public async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await dataSource.OpenConnectionAsync(cancellationToken);
            }
            catch (NpgsqlException e) when (e.IsTransient && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.ConnectAttempts)
                {
                    throw new PostgresUnreachableException(endpoint, attempt, e);
                }

                await Task.Delay(DelayAfter(attempt, options), cancellationToken);
            }
        }
    }
}
