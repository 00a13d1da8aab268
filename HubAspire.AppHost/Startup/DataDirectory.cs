namespace HubAspire.AppHost.Startup;

/// <summary>
/// Where HubAspire keeps what it produces on this machine: the generated dataset
/// (<c>raw/</c>) and, with the executable provider, the PostgreSQL cluster (<c>postgres/</c>).
/// </summary>
public static class DataDirectory
{
    /// <summary>Absolute, or relative to the repository root. Default <c>data</c> (git-ignored).</summary>
    public const string ConfigurationKey = "HubAspire:DataDirectory";

    /// <summary>
    /// The configured data directory as an absolute path. The repository root is the AppHost
    /// directory's parent, so the default is the same whatever the current directory.
    /// </summary>
    public static string GetDataDirectory(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(builder.AppHostDirectory))!;
        var configured = builder.Configuration[ConfigurationKey];
        return Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? "data" : configured, repositoryRoot);
    }
}
