using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using HubAspire.AppHost.Postgres;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Cleanup;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HubAspire.AppHost.Tests;

/// <summary>
/// One run of the real AppHost for tests: PostgreSQL forced to a provider, everything it writes
/// in a fresh temporary data directory (removed afterwards), the generator at a tiny scale, and
/// every wait bounded so that a hang fails instead of blocking the run.
/// </summary>
public sealed class AppHostRun : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan StopTimeout = TimeSpan.FromMinutes(1);

    /// <summary>Small enough to generate in about a second; the full dataset is the benchmark's business.</summary>
    public const string GeneratorScale = "0.001";

    private bool stopped;

    private AppHostRun(DistributedApplication app, string dataDirectory)
    {
        App = app;
        DataDirectory = dataDirectory;
    }

    public DistributedApplication App { get; }

    /// <summary>The run's <c>HubAspire:DataDirectory</c>.</summary>
    public string DataDirectory { get; }

    /// <summary>Starts the AppHost and waits until the <c>hubaspire</c> database is healthy.</summary>
    /// <param name="provider">The forced <c>Postgres:Provider</c>.</param>
    /// <param name="settings">More <c>key=value</c> settings, passed as command-line configuration.</param>
    /// <param name="configure">Changes to the application model before it is built (e.g. where telemetry goes).</param>
    public static async Task<AppHostRun> StartAsync(string provider, IEnumerable<string> settings, CancellationToken cancellationToken,
        Action<IDistributedApplicationTestingBuilder>? configure = null)
    {
        var dataDirectory = CreateDataDirectory();
        string[] args =
        [
            $"--Postgres:Provider={provider}",
            $"--HubAspire:DataDirectory={dataDirectory}",
            $"--Parameters:scale={GeneratorScale}",
            // An explicit password: nothing is generated into, or read from, the user secrets.
            $"--Parameters:{AggregateStoreExtensions.PasswordParameterName}={Guid.NewGuid():N}",
            .. settings.Select(s => "--" + s),
        ];

        DistributedApplication? app = null;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StartTimeout);
            // With the dashboard, as in a real run: it is the services' OTLP endpoint, and without
            // one a finished service spends ~10 s retrying its last telemetry export before exiting.
            var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HubAspire_AppHost>(
                args, (options, _) => options.DisableDashboard = false, timeout.Token);
            // The resources' own logs (postgres, generator) stay in the output for diagnosis; the
            // dashboard's and the expected failed health checks while starting do not.
            builder.Services.AddLogging(logging => logging
                .AddFilter($"{typeof(AggregateStoreExtensions).Assembly.GetName().Name}.Resources.aspire-dashboard", LogLevel.None)
                .AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
            configure?.Invoke(builder);
            app = await builder.BuildAsync(timeout.Token);
            await app.StartAsync(timeout.Token);
            try
            {
                // Throws as soon as the database fails to start, rather than waiting out the timeout.
                await app.ResourceNotifications.WaitForResourceHealthyAsync(
                    AggregateStoreExtensions.DatabaseName, WaitBehavior.StopOnResourceUnavailable, timeout.Token);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"'{AggregateStoreExtensions.DatabaseName}' was not healthy within {StartTimeout.TotalSeconds:0} s; {DescribeStates(app)}");
            }

            return new AppHostRun(app, dataDirectory);
        }
        catch
        {
            if (app is not null)
            {
                await app.DisposeAsync();
            }

            DeleteDataDirectory(dataDirectory);
            throw;
        }
    }

    /// <summary>Waits (at most <see cref="StartTimeout"/>) until the run-to-completion job has ended; its last state.</summary>
    public async Task<ResourceEvent> WaitForJobEndAsync(string job, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        return await App.ResourceNotifications.WaitForResourceAsync(
            job, e => KnownResourceStates.TerminalStates.Contains(e.Snapshot.State?.Text), timeout.Token);
    }

    public async Task<string> GetDatabaseConnectionStringAsync(CancellationToken cancellationToken) =>
        await App.GetConnectionStringAsync(AggregateStoreExtensions.DatabaseName, cancellationToken)
        ?? throw new InvalidOperationException($"'{AggregateStoreExtensions.DatabaseName}' has no connection string.");

    /// <summary>Stops the AppHost and its resources (once).</summary>
    public async Task StopAsync()
    {
        if (stopped)
        {
            return;
        }

        stopped = true;
        using var timeout = new CancellationTokenSource(StopTimeout);
        try
        {
            await App.StopAsync(timeout.Token);
        }
        finally
        {
            await App.DisposeAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            // A server that outlived its AppHost would hold the directory and a port: end it
            // here, and say so, rather than leak it into the next test run.
            var leftovers = Processes.Using(DataDirectory);
            Processes.Kill(leftovers);
            DeleteDataDirectory(DataDirectory);
            if (leftovers.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Processes outlived the AppHost and were killed: {string.Join("; ", leftovers.Select(p => $"{p.Id} {p.CommandLine}"))}");
            }
        }
    }

    private static string DescribeStates(DistributedApplication app) => string.Join(", ",
        new[] { AggregateStoreExtensions.ServerName, AggregateStoreExtensions.DatabaseName, "generator" }.Select(name =>
            app.ResourceNotifications.TryGetCurrentState(name, out var e)
                ? $"{name}: {e.Snapshot.State?.Text ?? "?"} ({e.Snapshot.HealthStatus?.ToString() ?? "no health yet"})"
                : $"{name}: no state"));

    /// <summary>
    /// A new temporary directory the postgres user can reach: as root the server runs as that
    /// user, so the directory is open to others for traversal and sits under /tmp (a TMPDIR
    /// under /root would be out of its reach).
    /// </summary>
    private static string CreateDataDirectory()
    {
        var root = PostgresBinaries.MustDropRoot ? "/tmp" : Path.GetTempPath();
        var directory = Path.Combine(root, $"hubaspire-apphost-tests-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory,
            UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
            UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        return directory;
    }

    private static void DeleteDataDirectory(string directory) => Directories.DeleteWithRetries(directory, TimeSpan.FromMilliseconds(200));
}
