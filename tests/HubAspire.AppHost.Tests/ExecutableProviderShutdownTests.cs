using System.Diagnostics;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Cleanup;

namespace HubAspire.AppHost.Tests;

/// <summary>Stopping the AppHost stops the executable server cleanly: no process left, no crash recovery next time.</summary>
public sealed class ExecutableProviderShutdownTests
{
    [Fact]
    public async Task Stopping_the_AppHost_shuts_the_server_down_cleanly()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        await using var run = await AppHostRun.StartAsync("executable", [], cancellationToken);
        var cluster = Path.Combine(run.DataDirectory, "postgres");
        Assert.NotEmpty(Processes.Using(cluster));

        var clock = Stopwatch.StartNew();
        await run.StopAsync();
        TestContext.Current.TestOutputHelper?.WriteLine($"AppHost stopped in {clock.ElapsedMilliseconds} ms");

        Assert.Empty(Processes.Using(cluster));
        Assert.False(File.Exists(Path.Combine(cluster, "postmaster.pid")), "postmaster.pid is still there");
        Assert.Equal("shut down", await ClusterStateAsync(cluster, cancellationToken));
    }

    /// <summary><c>Database cluster state</c> from pg_controldata: "shut down" after a clean stop, "in production" after a kill.</summary>
    private static async Task<string> ClusterStateAsync(string cluster, CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Find() ?? throw new InvalidOperationException("No PostgreSQL binaries.");
        using var process = Process.Start(new ProcessStartInfo(Path.Combine(binaries.BinDirectory, "pg_controldata"), [cluster])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = output.Split('\n').Single(l => l.StartsWith("Database cluster state:", StringComparison.Ordinal));
        return line["Database cluster state:".Length..].Trim();
    }
}
