namespace HubAspire.Store;

/// <summary>PostgreSQL did not accept a connection in any of the attempts <see cref="RunStoreOptions"/> allow.</summary>
public sealed class PostgresUnreachableException(string endpoint, int attempts, Exception lastError)
    : Exception(
        $"PostgreSQL at {endpoint} is unreachable after {attempts} attempt{(attempts == 1 ? "" : "s")}: {lastError.Message.TrimEnd('.')}; " +
        "check that it is running and the connection string.",
        lastError)
{
    /// <summary><c>host:port</c> from the connection string.</summary>
    public string Endpoint { get; } = endpoint;

    public int Attempts { get; } = attempts;
}
