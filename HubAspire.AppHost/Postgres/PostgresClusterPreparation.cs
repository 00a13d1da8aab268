using System.Diagnostics;
using HubAspire.LocalInfrastructure;
using Microsoft.Extensions.Logging;

namespace HubAspire.AppHost.Postgres;

/// <summary>
/// The executable provider's init step, run just before the server starts: the data directory
/// belongs to the service account, a new cluster is initialised (scram passwords), an existing
/// one takes the current password, and a server left running on it by an earlier run is stopped.
/// </summary>
public static class PostgresClusterPreparation
{
    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(60);

    public static async Task PrepareAsync(
        PostgresBinaries binaries, string dataDirectory, string superuser, string password, ILogger logger, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(dataDirectory);
        if (PostgresBinaries.MustDropRoot)
        {
            // postgres refuses a data directory it does not own.
            var account = PostgresBinaries.ServiceAccount;
            await RunAsync("chown", ("chown", ["-R", $"{account}:{account}", dataDirectory]), stdin: null, logger, cancellationToken);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        await StopLeftoverServerAsync(binaries, dataDirectory, logger, cancellationToken);

        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION")))
        {
            await SetPasswordAsync(binaries, dataDirectory, superuser, password, logger, cancellationToken);
        }
        else
        {
            await InitDbAsync(binaries, dataDirectory, superuser, password, logger, cancellationToken);
        }
    }

    private static async Task InitDbAsync(
        PostgresBinaries binaries, string dataDirectory, string superuser, string password, ILogger logger, CancellationToken cancellationToken)
    {
        logger.LogInformation("Initialising a new PostgreSQL cluster in {DataDirectory}", dataDirectory);

        // initdb reads the password from a file. The file sits next to the data directory (which
        // must stay empty), where the service account can already reach, readable by it alone.
        var passwordFile = Path.Combine(Path.GetDirectoryName(dataDirectory)!, $".initdb-password-{Guid.NewGuid():N}");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using (var file = new FileStream(passwordFile, options))
            await using (var writer = new StreamWriter(file))
            {
                await writer.WriteLineAsync(password);
            }

            if (PostgresBinaries.MustDropRoot)
            {
                await RunAsync("chown", ("chown", [PostgresBinaries.ServiceAccount, passwordFile]), stdin: null, logger, cancellationToken);
            }

            await RunAsync(
                "initdb",
                PostgresBinaries.AsServiceUser(binaries.InitDb,
                [
                    "-D", dataDirectory, "-U", superuser, $"--pwfile={passwordFile}",
                    "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C",
                ]),
                stdin: null, logger, cancellationToken);
        }
        finally
        {
            File.Delete(passwordFile);
        }
    }

    /// <summary>
    /// The password parameter may have changed since the cluster was made (a new machine's user
    /// secrets, an explicit value): single-user mode sets it without a server or a login.
    /// </summary>
    private static async Task SetPasswordAsync(
        PostgresBinaries binaries, string dataDirectory, string superuser, string password, ILogger logger, CancellationToken cancellationToken)
    {
        var statement = $"ALTER ROLE \"{superuser.Replace("\"", "\"\"")}\" PASSWORD '{password.Replace("'", "''")}';";
        var output = await RunAsync(
            "postgres --single",
            PostgresBinaries.AsServiceUser(binaries.Postgres,
                ["--single", "-D", dataDirectory, "-c", "unix_socket_directories=", "-c", "log_min_messages=warning", "postgres"]),
            stdin: statement, logger, cancellationToken, logOutput: false);
        if (output.Contains("ERROR:", StringComparison.Ordinal) || output.Contains("FATAL:", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Setting the password of the existing cluster in {dataDirectory} failed: {output.Trim()}");
        }

        logger.LogInformation("Using the existing PostgreSQL cluster in {DataDirectory}", dataDirectory);
    }

    /// <summary>A server still running on this data directory (an AppHost that was killed) would keep the new one out.</summary>
    private static async Task StopLeftoverServerAsync(PostgresBinaries binaries, string dataDirectory, ILogger logger, CancellationToken cancellationToken)
    {
        if (!File.Exists(Path.Combine(dataDirectory, "postmaster.pid")) || !File.Exists(binaries.PgCtl))
        {
            return;
        }

        var status = await RunAsync("pg_ctl status", PostgresBinaries.AsServiceUser(binaries.PgCtl, ["status", "-D", dataDirectory]),
            stdin: null, logger, cancellationToken, logOutput: false, checkExitCode: false);
        if (!status.Contains("server is running", StringComparison.Ordinal))
        {
            return; // a stale pid file from a crash; postgres itself recovers from that
        }

        logger.LogWarning("A PostgreSQL server left over from an earlier run holds {DataDirectory}; stopping it", dataDirectory);
        await RunAsync("pg_ctl stop", PostgresBinaries.AsServiceUser(binaries.PgCtl, ["stop", "-D", dataDirectory, "-m", "fast", "-w", "-t", "30"]),
            stdin: null, logger, cancellationToken);
    }

    /// <returns>stdout and stderr together.</returns>
    private static async Task<string> RunAsync(
        string program, (string FileName, IReadOnlyList<string> Arguments) command, string? stdin, ILogger logger, CancellationToken cancellationToken,
        bool logOutput = true, bool checkExitCode = true)
    {
        var startInfo = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            RedirectStandardInput = stdin is not null,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(startInfo)
            ?? throw new InvalidOperationException($"Could not start {command.FileName}.");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StepTimeout);

        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        if (stdin is not null)
        {
            await process.StandardInput.WriteLineAsync(stdin.AsMemory(), timeout.Token);
            process.StandardInput.Close();
        }

        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var output = (await stdout) + (await stderr);
        if (logOutput)
        {
            foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                logger.LogInformation("[{Program}] {Line}", program, line);
            }
        }

        if (checkExitCode && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} exited with code {process.ExitCode}: {output.Trim()}");
        }

        return output;
    }
}
