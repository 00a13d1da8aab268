using HubAspire.AppHost.Startup;
using HubAspire.LocalInfrastructure;

namespace HubAspire.AppHost.Postgres;

/// <summary>
/// Which PostgreSQL provider runs, decided before any resource is added: <c>AddPostgres</c> with no
/// engine, or with an image that cannot be pulled, waits forever without a word, so the AppHost
/// looks first and fails at once, in one line, when nothing can work.
/// </summary>
public sealed record PostgresProviderChoice(PostgresProvider Provider, PostgresBinaries? Binaries, string Reason)
{
    private const string Prefix = "PostgreSQL cannot start: ";

    /// <param name="settings">The <c>Postgres</c> section.</param>
    /// <param name="dockerHost">The <c>DOCKER_HOST</c> setting, if any.</param>
    /// <param name="clusterDirectory">Where the executable provider would keep its cluster.</param>
    public static PostgresProviderChoice Make(PostgresSettings settings, string? dockerHost, string clusterDirectory)
    {
        var executable = ExecutableProvider.Look(settings, clusterDirectory);
        var image = settings.ContainerImage;
        using var engine = DockerEngine.At(dockerHost);
        const string section = PostgresSettings.Section;

        switch (settings.Provider)
        {
            case PostgresProvider.Executable:
                return executable.Binaries is { } forced
                    ? new(PostgresProvider.Executable, forced, $"forced; binaries in {forced.BinDirectory}")
                    : throw new AppHostStartupException(
                        $"{Prefix}{section}:Provider=executable but {executable.Problem}. {char.ToUpperInvariant(executable.Remedy![0])}{executable.Remedy[1..]}, or use {section}:Provider=auto or container.");

            case PostgresProvider.Container:
                return engine.Answers()
                    ? new(PostgresProvider.Container, null, $"forced; engine at {engine.Endpoint}, image {image}{(engine.HasImage(image) ? "" : " (not present: the engine will pull it)")}")
                    : throw new AppHostStartupException(
                        $"{Prefix}{section}:Provider=container but no container engine answers at {engine.Endpoint}. Install and start Docker (with the image {image}), or use {section}:Provider=auto or executable.");

            default:
                var engineAnswers = engine.Answers();
                if (engineAnswers && engine.HasImage(image))
                {
                    return new(PostgresProvider.Container, null, $"auto; engine at {engine.Endpoint} holds image {image}");
                }

                if (executable.Binaries is { } binaries)
                {
                    var why = engineAnswers ? $"image {image} is not present at {engine.Endpoint}" : $"no container engine answers at {engine.Endpoint}";
                    return new(PostgresProvider.Executable, binaries, $"auto; {why}; binaries in {binaries.BinDirectory}");
                }

                return engineAnswers
                    ? new(PostgresProvider.Container, null, $"auto; engine at {engine.Endpoint}; {executable.Problem}; the engine will pull {image}")
                    : throw new AppHostStartupException(
                        $"{Prefix}no container engine answers at {engine.Endpoint} and {executable.Problem}. Install Docker (with the image {image}), or {executable.Remedy}.");
        }
    }

    /// <summary>Whether the machine's binaries can run a cluster in the directory; if not, why and what to do.</summary>
    private sealed record ExecutableProvider(PostgresBinaries? Binaries, string? Problem, string? Remedy)
    {
        public static ExecutableProvider Look(PostgresSettings settings, string clusterDirectory)
        {
            var binaries = settings.BinDirectory is { } directory ? PostgresBinaries.At(directory) : PostgresBinaries.Find();
            if (binaries is null)
            {
                var where = settings.BinDirectory is { } dir
                    ? $"in {PostgresSettings.Section}:BinDirectory={dir}"
                    : "on PATH or in /usr/lib/postgresql/*/bin";
                return new(null,
                    $"no PostgreSQL server binaries were found {where}",
                    "install the PostgreSQL server binaries (initdb, postgres; e.g. apt-get install postgresql)");
            }

            if (!PostgresBinaries.ServiceAccountCanReach(clusterDirectory))
            {
                return new(null,
                    $"the {PostgresBinaries.ServiceAccount} user, which runs PostgreSQL for root, cannot reach {clusterDirectory}",
                    $"set {DataDirectory.ConfigurationKey} to a directory it can reach (e.g. under /var/tmp), or let others search the parent directories (chmod o+x)");
            }

            return new(binaries, null, null);
        }
    }
}
