namespace HubAspire.Testing.Postgres;

/// <summary>Which real PostgreSQL server a test gets.</summary>
public enum PostgresBackend
{
    /// <summary>Testcontainers.PostgreSql on a Docker engine.</summary>
    Container,

    /// <summary>A throwaway cluster from the machine's own PostgreSQL binaries.</summary>
    Local,
}
