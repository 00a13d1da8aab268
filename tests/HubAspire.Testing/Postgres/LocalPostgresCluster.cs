using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Cleanup;
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
    private const int SigInt = 2;
    private const int SigQuit = 3;
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

        var tempRoot = TempRoot();
        if (Interlocked.Exchange(ref swept, 1) == 0)
        {
            SweepOrphans(tempRoot);
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
                DeleteDirectory(root);
            }
        });
        try
        {
            Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            if (PostgresBinaries.MustDropRoot)
            {
                await RunToEndAsync(("chown", [$"{PostgresBinaries.ServiceAccount}:", root]), root, null, cancellationToken);
            }

            var data = Path.Combine(root, "data");
            await RunToEndAsync(
                PostgresBinaries.AsServiceUser(binaries.InitDb,
                    ["-D", data, "-U", Superuser, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]),
                root, p => running = p, cancellationToken);

            // The free port is only free until someone else takes it; a lost race shows as a
            // bind failure, and another port is tried.
            for (var attempt = 1; ; attempt++)
            {
                var port = FreePort();
                var log = new ProcessLog();
                var process = Start(
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
            DeleteDirectory(root);
            exitCleanup.Dispose();
            throw;
        }
    }

    private protected override async ValueTask StopAsync()
    {
        await StopServerAsync();
        DeleteDirectory(RootDirectory);
    }

    /// <summary>The synchronous, bounded stop for <see cref="ProcessExitCleanup"/>.</summary>
    private static void StopNow(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                _ = Kill(process.Id, SigInt);
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

    /// <summary>
    /// SIGINT is PostgreSQL's fast shutdown: it ends open sessions (pooled connections would make
    /// SIGTERM's smart shutdown wait forever) and exits after its children.
    /// </summary>
    private async Task StopServerAsync()
    {
        try
        {
            if (!process.HasExited)
            {
                _ = Kill(ProcessId, SigInt);
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

    /// <summary>
    /// The system temp directory, unless we are root and the <c>postgres</c> user cannot reach it
    /// (a TMPDIR under /root): then /tmp.
    /// </summary>
    private static string TempRoot()
    {
        var temp = Path.GetFullPath(Path.GetTempPath());
        if (!PostgresBinaries.MustDropRoot)
        {
            return temp;
        }

        for (var directory = new DirectoryInfo(temp); directory is not null; directory = directory.Parent)
        {
            if (!directory.UnixFileMode.HasFlag(UnixFileMode.OtherExecute))
            {
                return "/tmp";
            }
        }

        return temp;
    }

    /// <summary>
    /// Removes clusters whose test process died without disposing them (killed runner, debugger
    /// stopped): stops their postmaster, identified by its data directory on its command line, and
    /// deletes the directory. Directories of live processes are left alone. Once per process.
    /// </summary>
    private static void SweepOrphans(string tempRoot)
    {
        IEnumerable<string> candidates;
        try
        {
            candidates = Directory.EnumerateDirectories(tempRoot, DirectoryPrefix + "*").ToList();
        }
        catch (IOException)
        {
            return;
        }

        foreach (var directory in candidates)
        {
            var rest = Path.GetFileName(directory)[DirectoryPrefix.Length..];
            var dash = rest.IndexOf('-');
            if (dash <= 0 || !int.TryParse(rest[..dash], out var owner) || Processes.IsRunning(owner))
            {
                continue;
            }

            try
            {
                var pidFile = Path.Combine(directory, "data", "postmaster.pid");
                if (File.Exists(pidFile)
                    && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var postmaster)
                    && File.Exists($"/proc/{postmaster}/cmdline")
                    && File.ReadAllText($"/proc/{postmaster}/cmdline").Contains(directory, StringComparison.Ordinal))
                {
                    _ = Kill(postmaster, SigQuit);
                    for (var i = 0; i < 50 && File.Exists($"/proc/{postmaster}/cmdline"); i++)
                    {
                        Thread.Sleep(100);
                    }
                }

                DeleteDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Another user's leftovers; not ours to remove.
            }
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Process Start((string FileName, IReadOnlyList<string> Arguments) command, string workingDirectory, ProcessLog log)
    {
        var info = new ProcessStartInfo(command.FileName, command.Arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => log.Add(e.Data);
        process.ErrorDataReceived += (_, e) => log.Add(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task RunToEndAsync(
        (string FileName, IReadOnlyList<string> Arguments) command, string workingDirectory, Action<Process>? started, CancellationToken cancellationToken)
    {
        var log = new ProcessLog();
        using var process = Start(command, workingDirectory, log);
        started?.Invoke(process);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"'{command.FileName} {string.Join(' ', command.Arguments)}' failed with exit code {process.ExitCode}:\n{log.Text}");
        }
    }

    private static void DeleteDirectory(string directory) => Directories.DeleteWithRetries(directory, TimeSpan.FromMilliseconds(100));

    // DllImport rather than LibraryImport: a blittable signature needs no marshalling code and so
    // no unsafe blocks in this project.
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int processId, int signal);

    private sealed class PortTakenException : Exception;

    /// <summary>The last lines a process wrote to stdout and stderr.</summary>
    private sealed class ProcessLog
    {
        private const int Capacity = 60;
        private readonly ConcurrentQueue<string> lines = new();

        public string Text => string.Join('\n', lines);

        public void Add(string? line)
        {
            if (line is null)
            {
                return;
            }

            lines.Enqueue(line);
            while (lines.Count > Capacity)
            {
                lines.TryDequeue(out _);
            }
        }
    }
}
