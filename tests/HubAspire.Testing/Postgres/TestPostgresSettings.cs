namespace HubAspire.Testing.Postgres;

/// <summary>
/// The environment variables that steer the test PostgreSQL fixture. Read once per server start,
/// so a CI script sets them before <c>dotnet test</c>.
/// </summary>
public sealed record TestPostgresSettings(PostgresBackend? Backend, string Image)
{
    /// <summary><c>auto</c> (default), <c>container</c> or <c>local</c>.</summary>
    public const string BackendVariable = "HUBASPIRE_TEST_POSTGRES";

    /// <summary>The image the container backend runs (default <see cref="DefaultImage"/>).</summary>
    public const string ImageVariable = "HUBASPIRE_TEST_POSTGRES_IMAGE";

    /// <summary>The official image, for machines that can pull it.</summary>
    public const string DefaultImage = "postgres:15";

    public static TestPostgresSettings FromEnvironment() =>
        new(ParseBackend(Environment.GetEnvironmentVariable(BackendVariable)), ImageFromEnvironment());

    public static string ImageFromEnvironment() =>
        Environment.GetEnvironmentVariable(ImageVariable) is { } image && !string.IsNullOrWhiteSpace(image)
            ? image.Trim()
            : DefaultImage;

    /// <summary>Null means auto. Anything unknown is an error: a typo must not silently pick a backend.</summary>
    public static PostgresBackend? ParseBackend(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => null,
        "container" => PostgresBackend.Container,
        "local" => PostgresBackend.Local,
        _ => throw new InvalidOperationException(
            $"{BackendVariable}='{value}' is not one of auto, container, local."),
    };
}
