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

    public async Task OpenAsync(Func<CancellationToken, Task> open, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await open(cancellationToken);
                return;
            }
            catch (Exception e) when (TransientCause(e) is { } cause && !cancellationToken.IsCancellationRequested)
            {
                if (attempt >= options.ConnectAttempts)
                {
                    throw new PostgresUnreachableException(endpoint, attempt, cause);
                }

                await Task.Delay(DelayAfter(attempt, options), cancellationToken);
            }
        }
    }

    /// <summary>
    /// The transient connection failure behind <paramref name="error"/>: EF's default execution
    /// strategy wraps it in an <see cref="InvalidOperationException"/> that suggests retrying.
    /// </summary>
    private static NpgsqlException? TransientCause(Exception error) => error switch
    {
        NpgsqlException { IsTransient: true } cause => cause,
        InvalidOperationException { InnerException: NpgsqlException { IsTransient: true } cause } => cause,
        _ => null,
    };

    public async Task<NpgsqlConnection> OpenAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        NpgsqlConnection? connection = null;
        await OpenAsync(async token => connection = await dataSource.OpenConnectionAsync(token), cancellationToken);
        return connection!;
    }
}
