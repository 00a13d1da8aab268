using System.Diagnostics;
using System.Net.Sockets;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Cleanup;
using HubAspire.Testing.Network;
using Npgsql;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// A throwaway PostgreSQL cluster from the machine's own binaries: initdb into a fresh temporary
/// directory, postgres on a free 127.0.0.1 port with its socket inside that directory and
/// durability off (a test database never survives a crash anyway). Disposing shuts it down fast
/// and deletes the directory. As root, both run as the <c>postgres</c> OS user, which owns the
/// directory.
/// </summary>
public sealed class LocalPostgresCluster : TestPostgresServer
{
    /// <summary>Temporary directories are named <c>hubaspire-pg-&lt;owner pid&gt;-&lt;random&gt;</c>.</summary>
    public const string DirectoryPrefix = "hubaspire-pg-";

    private const string Superuser = "postgres";
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    private static int swept;

    private readonly Process process;
    private readonly ProcessLog log;

    private LocalPostgresCluster(Process process, ProcessLog log, string rootDirectory, int port, string binDirectory, IDisposable exitCleanup)
        : base(exitCleanup)
    {
        this.process = process;
        this.log = log;
        RootDirectory = rootDirectory;
        Port = port;
        BinDirectory = binDirectory;
        ProcessId = process.Id;
        ServerConnectionString = ConnectionString(port);
    }

    public override PostgresBackend Backend => PostgresBackend.Local;

    public override string ServerConnectionString { get; }

    /// <summary>The temporary directory holding the data directory and the Unix socket.</summary>
    public string RootDirectory { get; }

    /// <summary>The postmaster's process id.</summary>
    public int ProcessId { get; }

    public int Port { get; }

    public string BinDirectory { get; }

    /// <summary>The server's recent log lines, for diagnosing a failing test.</summary>
    public string RecentLog => log.Text;

    internal static async Task<LocalPostgresCluster> StartAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        if (OperatingSystem.IsWindows())
        {
            throw new PlatformNotSupportedException("The local PostgreSQL cluster runs on Linux and macOS; use the container backend on Windows.");
        }

        var tempRoot = LocalClusterDirectories.TempRoot();
        if (Interlocked.Exchange(ref swept, 1) == 0)
        {
            LocalClusterDirectories.SweepOrphans(tempRoot);
        }

        var root = Path.Combine(tempRoot, $"{DirectoryPrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..12]}");
        Process? running = null; // initdb, then postgres: whatever must be stopped if the test process exits now
        var exitCleanup = ProcessExitCleanup.Register(() =>
        {
            try
            {
                if (running is not null)
                {
                    StopNow(running);
                }
            }
            finally
            {
                LocalClusterDirectories.Delete(root);
            }
        });
        try
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (PostgresBinaries.MustDropRoot)
            {
                await LoggedProcess.RunToEndAsync(("chown", [$"{PostgresBinaries.ServiceAccount}:", root]), root, null, cancellationToken);
            }

            var data = Path.Combine(root, "data");
            await LoggedProcess.RunToEndAsync(
                PostgresBinaries.AsServiceUser(binaries.InitDb,
                    ["-D", data, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]),
                root, p => running = p, cancellationToken);

            // The free port is only free until someone else takes it; a lost race shows as a
            // bind failure, and another port is tried.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort.Next();
                var log = new ProcessLog();
                var process = LoggedProcess.Start(
                    PostgresBinaries.AsServiceUser(binaries.Postgres,
                    [
                        "-D", data, "-p", port.ToString(), "-k", root,
                        "-c", "listen_addresses=127.0.0.1",
                        "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                        "-c", "TimeZone=UTC",
                    ]),
                    root, log);
                running = process;
                var cluster = new LocalPostgresCluster(process, log, root, port, binaries.BinDirectory, exitCleanup);
                try
                {
                    await cluster.WaitUntilReadyAsync(cancellationToken);
                    return cluster;
                }
                catch (PortTakenException) when (attempt < 3)
                {
                    await cluster.StopServerAsync();
                }
                catch
                {
                    await cluster.StopServerAsync();
                    throw;
                }
            }
        }
        catch
        {
            LocalClusterDirectories.Delete(root);
            exitCleanup.Dispose();
            throw;
        }
    }

    private protected override async ValueTask StopAsync()
    {
        await StopServerAsync();
        LocalClusterDirectories.Delete(RootDirectory);
    }

    /// <summary>The synchronous, bounded stop for <see cref="ProcessExitCleanup"/>.</summary>
    private static void StopNow(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                PostmasterSignals.FastShutdown(process.Id);
                if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
                {
                    process.Kill(entireProcessTree: true);
                }
            }
        }
        catch (InvalidOperationException)
        {
            // Already stopped and disposed.
        }
    }

    /// <summary>A fast shutdown, so that open sessions cannot hold it up; killed when it takes too long.</summary>
    private async Task StopServerAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                PostmasterSignals.FastShutdown(ProcessId);
                using var timeout = new CancellationTokenSource(StopTimeout);
                try
                {
                    await process.WaitForExitAsync(timeout.Token);
                }
                catch (OperationCanceledException)
                {
                    process.Kill(entireProcessTree: true);
                    await process.WaitForExitAsync();
                }
            }
        }
        finally
        {
            process.Dispose();
        }
    }

    private async Task WaitUntilReadyAsync(CancellationToken cancellationToken)
    {
        var probe = new NpgsqlConnectionStringBuilder(ServerConnectionString) { Pooling = false, Timeout = 2 }.ConnectionString;
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                await process.WaitForExitAsync(cancellationToken); // flushes the redirected output
                var text = log.Text;
                if (text.Contains("could not bind", StringComparison.Ordinal) || text.Contains("Address already in use", StringComparison.Ordinal))
                {
                    throw new PortTakenException();
                }

                throw new InvalidOperationException(
                    $"PostgreSQL from {BinDirectory} exited with code {process.ExitCode} before accepting connections. Its log:\n{text}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(probe);
                await connection.OpenAsync(cancellationToken);
                return;
            }
            catch (Exception e) when (e is NpgsqlException or SocketException && !cancellationToken.IsCancellationRequested)
            {
                // Not listening yet, or still starting up (57P03).
            }

            if (deadline.Elapsed > ReadyTimeout)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL from {BinDirectory} did not accept connections on port {Port} within {ReadyTimeout.TotalSeconds:0} s. Its log:\n{log.Text}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private static string ConnectionString(int port) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Database = "postgres",
        Username = Superuser,
    }.ConnectionString;

    private sealed class PortTakenException : Exception;
}
