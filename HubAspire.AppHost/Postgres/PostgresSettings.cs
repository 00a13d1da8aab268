using HubAspire.AppHost.Startup;
using Microsoft.Extensions.Configuration;

namespace HubAspire.AppHost.Postgres;

/// <summary>How PostgreSQL is provided: chosen at start (auto) or forced.</summary>
public enum PostgresProvider
{
    /// <summary>A container when an engine answers and the image is at hand; else the machine's binaries.</summary>
    Auto,

    /// <summary>The standard Aspire container (<c>AddPostgres</c>, data volume).</summary>
    Container,

    /// <summary>The machine's own PostgreSQL server binaries, run as an Aspire executable.</summary>
    Executable,
}

/// <summary>The <c>Postgres</c> configuration section (documented with its defaults in appsettings.json).</summary>
public sealed record PostgresSettings(PostgresProvider Provider, string? Image, string? BinDirectory, bool UseDataVolume)
{
    public const string Section = "Postgres";

    /// <summary>
    /// The image Aspire's <c>AddPostgres</c> runs when <c>Postgres:Image</c> is not set. Aspire keeps
    /// its own constant internal; this copy is only used to ask the engine whether the image is
    /// already present, and a test pins it to what <c>AddPostgres</c> really uses.
    /// </summary>
    public const string AspireDefaultImage = "postgres:18.3";

    /// <summary>The image the container provider runs: the configured one or Aspire's default.</summary>
    public string ContainerImage => Image ?? AspireDefaultImage;

    public static PostgresSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        return new PostgresSettings(
            ParseProvider(section["Provider"]),
            NullIfBlank(section["Image"]),
            NullIfBlank(section["BinDirectory"]),
            ParseBool(section["DataVolume"], $"{Section}:DataVolume", defaultValue: true));
    }

    private static PostgresProvider ParseProvider(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        null or "" or "auto" => PostgresProvider.Auto,
        "container" => PostgresProvider.Container,
        "executable" => PostgresProvider.Executable,
        _ => throw new AppHostStartupException(
            $"{Section}:Provider is '{value}', which is not one of auto, container, executable."),
    };

    private static bool ParseBool(string? value, string key, bool defaultValue) =>
        string.IsNullOrWhiteSpace(value) ? defaultValue
        : bool.TryParse(value, out var parsed) ? parsed
        : throw new AppHostStartupException($"{key} is '{value}', which is not true or false.");

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
