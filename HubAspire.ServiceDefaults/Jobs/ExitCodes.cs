namespace HubAspire.Jobs;

/// <summary>The exit codes of our run-to-completion jobs (generator, ETL), as scripts and the AppHost see them.</summary>
public static class ExitCodes
{
    public const int Succeeded = 0;

    /// <summary>A foreseeable failure, explained in one line (unwritable disk, bad file, database down).</summary>
    public const int Failed = 1;

    public const int InvalidArguments = 2;

    /// <summary>Stopped by SIGINT/SIGTERM (128 + SIGINT, as shells report Ctrl+C).</summary>
    public const int Cancelled = 130;
}
