using System.Diagnostics;
using System.Net.Sockets;
using HubAspire.Testing.Cleanup;
using HubAspire.Testing.Postgres;
using Npgsql;

namespace HubAspire.Store.Tests.Postgres;

/// <summary>The local-binaries backend, started explicitly whatever the default backend is.</summary>
public sealed class LocalBackendTests() : BackendTests<LocalPostgresCluster>(PostgresBackend.Local)
{
    [Fact]
    public Task A_local_cluster_writes_and_reads_rows() => AssertWritesAndReadsRowsAsync("local_round_trip");

    [Fact]
    public async Task A_disposed_local_cluster_leaves_no_process_no_directory_and_no_listener()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var cluster = await StartAsync(cancellationToken);
        var root = cluster.RootDirectory;
        Assert.True(Directory.Exists(Path.Combine(root, "data")));
        Assert.NotEmpty(Processes.Using(root)); // the postmaster; its helpers retitle themselves
        var helpers = ChildrenOf(cluster.ProcessId);
        Assert.NotEmpty(helpers); // checkpointer, walwriter, ...

        // An open session must not hold the shutdown up (it would with a "smart" shutdown).
        var connection = new NpgsqlConnection(await cluster.CreateDatabaseAsync("held_open", cancellationToken));
        await connection.OpenAsync(cancellationToken);

        var clock = Stopwatch.StartNew();
        await cluster.DisposeAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"stopped and removed in {clock.ElapsedMilliseconds} ms");

        Assert.False(File.Exists($"/proc/{cluster.ProcessId}/cmdline"), $"postmaster {cluster.ProcessId} still runs");
        Assert.Empty(Processes.Using(root));
        Assert.All(helpers, pid => Assert.False(IsPostgres(pid), $"PostgreSQL helper {pid} still runs"));
        Assert.False(Directory.Exists(root), $"{root} still exists");
        using var client = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(async () => await client.ConnectAsync("127.0.0.1", cluster.Port, cancellationToken));
        await connection.DisposeAsync();
    }

    protected override string Source(LocalPostgresCluster server) => server.BinDirectory;

    private static List<int> ChildrenOf(int parent) =>
        Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && ParentOf(pid) == parent)
            .ToList();

    private static int ParentOf(int pid)
    {
        try
        {
            // "pid (comm) state ppid ...": comm may hold spaces, so count from the last ')'.
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static bool IsPostgres(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").StartsWith("postgres", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return false;
        }
    }
}
