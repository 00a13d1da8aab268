using System.Runtime.InteropServices;
using HubAspire.Testing.FileSystem;

namespace HubAspire.Benchmarks.Etl;

/// <summary>
/// The ETL as a deployment runs it: <c>dotnet publish -c Release</c> with ReadyToRun, so its
/// code (ours, Npgsql's, Parquet.Net's) is compiled ahead of time instead of by the JIT while the
/// sub-second run is timed. The repository's README shows the command.
/// </summary>
public static class PublishedEtl
{
    public const string Description = "dotnet publish -c Release -p:PublishReadyToRun=true";

    /// <summary>Publishes the ETL into <paramref name="directory"/>; returns its assembly's path.</summary>
    public static async Task<string> PublishAsync(string directory, CancellationToken cancellationToken)
    {
        var project = Path.Combine(RepositoryRoot.Path, "services", "HubAspire.Etl", "HubAspire.Etl.csproj");
        var publish = await ChildProcess.RunAsync(
            ["publish", project, "-c", "Release", "-r", RuntimeInformation.RuntimeIdentifier, "--self-contained", "false", "-p:PublishReadyToRun=true", "-o", directory],
            cancellationToken);
        var assembly = Path.Combine(directory, "HubAspire.Etl.dll");
        return publish.ExitCode == 0 && File.Exists(assembly)
            ? assembly
            : throw new InvalidOperationException($"Publishing the ETL failed (exit code {publish.ExitCode}):\n{publish.Output}");
    }
}
