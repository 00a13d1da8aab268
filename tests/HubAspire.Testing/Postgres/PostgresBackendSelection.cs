namespace HubAspire.Testing.Postgres;

/// <summary>
/// Decides which backend serves a test run from what the machine offers. Pure, so every rule is
/// tested without changing the machine.
/// </summary>
public static class PostgresBackendSelection
{
    public sealed record Choice(PostgresBackend Backend, string Reason);

    /// <summary>What the machine offers, probed once per server start.</summary>
    public sealed record Machine(bool EngineAnswers, string EngineEndpoint, string Image, bool ImagePresent, bool BinariesFound);

    public const string InstallHint =
        "install Docker (and start its engine) or the PostgreSQL server binaries (Debian: postgresql-15)";

    /// <summary>
    /// <paramref name="requested"/> null is auto: the container when an engine answers and can run
    /// the image without a pull (or when there is no other choice), else the local binaries. An
    /// image that is absent locally is only pulled when asked for, because a pull with no
    /// reachable registry fails slowly.
    /// </summary>
    public static Choice Choose(PostgresBackend? requested, Machine machine)
    {
        var engine = machine.EngineAnswers
            ? $"a Docker engine answered at {machine.EngineEndpoint}"
            : $"no Docker engine answered at {machine.EngineEndpoint}";
        const string noBinaries = "no PostgreSQL server binaries (initdb, postgres) were found on PATH or under /usr/lib/postgresql/*/bin";

        switch (requested)
        {
            case PostgresBackend.Container when !machine.EngineAnswers:
                throw new InvalidOperationException(
                    $"{TestPostgresSettings.BackendVariable}=container but {engine}: start the Docker engine or set DOCKER_HOST.");
            case PostgresBackend.Container:
                return new(PostgresBackend.Container, $"{TestPostgresSettings.BackendVariable}=container; {engine}");
            case PostgresBackend.Local when !machine.BinariesFound:
                throw new InvalidOperationException(
                    $"{TestPostgresSettings.BackendVariable}=local but {noBinaries}: install the PostgreSQL server (Debian: postgresql-15).");
            case PostgresBackend.Local:
                return new(PostgresBackend.Local, $"{TestPostgresSettings.BackendVariable}=local");
        }

        if (machine.EngineAnswers && machine.ImagePresent)
        {
            return new(PostgresBackend.Container, $"{engine} and image {machine.Image} is present");
        }

        if (machine.BinariesFound)
        {
            return new(PostgresBackend.Local, machine.EngineAnswers
                ? $"{engine} but image {machine.Image} is not present, so the local binaries serve (set {TestPostgresSettings.BackendVariable}=container to pull it, or {TestPostgresSettings.ImageVariable} to a local image)"
                : $"{engine}; the local binaries serve");
        }

        if (machine.EngineAnswers)
        {
            return new(PostgresBackend.Container, $"{engine}; image {machine.Image} is not present and will be pulled (no local binaries)");
        }

        throw new InvalidOperationException($"No PostgreSQL for the tests: {engine} and {noBinaries}. To fix, {InstallHint}.");
    }
}
