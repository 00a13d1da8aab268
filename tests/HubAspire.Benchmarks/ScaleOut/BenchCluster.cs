using System.Diagnostics;
using System.Globalization;
using HubAspire.Testing.Network;
using Npgsql;

namespace HubAspire.Benchmarks.ScaleOut;

/// <summary>
/// A cluster of real silo processes (<c>HubAspire.Silo.dll</c>), each pinned to its own core, with
/// its membership in the benchmark's PostgreSQL, as the AppHost would start it (a fresh cluster id).
/// <see cref="ClientOptions"/> makes the generator or the ETL its client.
/// </summary>
public sealed class BenchCluster : IAsyncDisposable
{
    private static readonly TimeSpan ReadyWithin = TimeSpan.FromMinutes(2);

    private readonly List<Process> _silos = [];
    private readonly string _connectionString;
    private readonly Dictionary<string, string> _membership;

    private BenchCluster(string connectionString)
    {
        _connectionString = connectionString;
        ClusterId = $"bench-{Guid.NewGuid():N}";
        _membership = new()
        {
            ["Orleans__ClusterId"] = ClusterId,
            ["Orleans__ServiceId"] = "hubaspire-bench",
            ["Orleans__Clustering__ProviderType"] = "AdoNet",
            ["Orleans__Clustering__ConnectionString"] = connectionString,
        };
    }

    public string ClusterId { get; }

    public int Silos => _silos.Count;

    /// <summary>From the first silo's start until the membership lists every silo as active.</summary>
    public TimeSpan StartTime { get; private set; }

    /// <summary>CPU seconds (user and system) the silos have used so far, from <c>/proc</c>.</summary>
    public double CpuSeconds() => _silos.Sum(SiloCpuSeconds);

    private static double SiloCpuSeconds(Process silo)
    {
        // utime and stime are the 14th and 15th fields, after the parenthesised command name.
        var fields = File.ReadAllText($"/proc/{silo.Id}/stat").Split(')')[^1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / (double)ClockTicksPerSecond;
    }

    /// <summary>The kernel's clock tick (<c>getconf CLK_TCK</c>), 100 on Linux.</summary>
    private const int ClockTicksPerSecond = 100;

    /// <summary>The client's settings: the same cluster and membership, pinned to <paramref name="core"/>.</summary>
    public ChildProcessOptions ClientOptions(int core) => new([core], _membership);

    /// <summary>Starts one silo per core in <paramref name="cores"/> and waits until all are active.</summary>
    public static async Task<BenchCluster> StartAsync(string connectionString, IReadOnlyList<int> cores, CancellationToken cancellationToken)
    {
        var cluster = new BenchCluster(connectionString);
        var clock = Stopwatch.StartNew();
        try
        {
            foreach (var core in cores)
            {
                cluster.StartSilo(core);
            }

            await cluster.WaitUntilActiveAsync(cores.Count, cancellationToken);
            cluster.StartTime = clock.Elapsed;
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    private void StartSilo(int core)
    {
        var options = new ChildProcessOptions([core], new Dictionary<string, string>(_membership)
        {
            ["Orleans__Endpoints__SiloPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Orleans__Endpoints__GatewayPort"] = FreePort.Next().ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Default"] = "Warning",
        });
        var start = new ProcessStartInfo("taskset")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in options.Pinning.Skip(1).Append("dotnet").Append(Path.Combine(AppContext.BaseDirectory, "HubAspire.Silo.dll")))
        {
            start.ArgumentList.Add(arg);
        }

        options.ApplyTo(start);
        start.Environment.Remove("OTEL_EXPORTER_OTLP_ENDPOINT");
        var silo = Process.Start(start)!;
        // Drained so a chatty silo never blocks on a full pipe.
        silo.OutputDataReceived += (_, _) => { };
        silo.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"  silo on core {core}: {e.Data}"); };
        silo.BeginOutputReadLine();
        silo.BeginErrorReadLine();
        _silos.Add(silo);
    }

    private async Task WaitUntilActiveAsync(int silos, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + ReadyWithin;
        await using var dataSource = NpgsqlDataSource.Create(_connectionString);
        while (true)
        {
            if (_silos.FirstOrDefault(s => s.HasExited) is { } dead)
            {
                throw new InvalidOperationException($"A silo exited with code {dead.ExitCode} before the cluster was ready.");
            }

            try
            {
                await using var command = dataSource.CreateCommand(
                    "SELECT count(*) FROM orleans.orleansmembershiptable WHERE deploymentid = $1 AND status = 3");
                command.Parameters.AddWithValue(ClusterId);
                if ((long)(await command.ExecuteScalarAsync(cancellationToken))! == silos)
                {
                    return;
                }
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
            {
                // The first silo has not applied the membership schema yet.
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The cluster's {silos} silo(s) were not all active within {ReadyWithin.TotalSeconds:N0} s.");
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    /// <summary>Stops the silos as an operator would (SIGTERM: each leaves the membership), killing any that hang.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var silo in _silos.Where(s => !s.HasExited))
        {
            Process.Start("kill", ["-TERM", silo.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
        }

        foreach (var silo in _silos)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await silo.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                silo.Kill(entireProcessTree: true);
            }

            silo.Dispose();
        }
    }
}
