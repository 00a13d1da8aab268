using System.Security.Cryptography;
using HubAspire.LocalInfrastructure;
using HubAspire.Testing.Cleanup;
using Testcontainers.PostgreSql;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// PostgreSQL in a container through Testcontainers. The reaper (Ryuk) is disabled, because its
/// image cannot be pulled everywhere, so this class removes its container itself: on dispose, at
/// process exit (<see cref="ProcessExitCleanup"/>), and, for a process that was killed, at the next
/// start by its owner label.
/// </summary>
public sealed class ContainerPostgresServer : TestPostgresServer
{
    /// <summary>Label naming the test process that owns a container: "host:pid".</summary>
    public const string OwnerLabel = "hubaspire.test.owner";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);

    private static int ownContainersRegistered;
    private static int swept;

    private readonly PostgreSqlContainer container;

    private ContainerPostgresServer(PostgreSqlContainer container, string image, IDisposable exitCleanup)
        : base(exitCleanup)
    {
        this.container = container;
        Image = image;
        ServerConnectionString = container.GetConnectionString();
    }

    public override PostgresBackend Backend => PostgresBackend.Container;

    public override string ServerConnectionString { get; }

    public string Image { get; }

    /// <summary>The Docker container id, so a test can check that disposing removed it.</summary>
    public string ContainerId => container.Id;

    internal static async Task<ContainerPostgresServer> StartAsync(string image, CancellationToken cancellationToken)
    {
        using var engine = DockerEngine.FromEnvironment(TimeSpan.FromSeconds(5));
        await PrepareEnvironmentAsync(engine, cancellationToken);
        if (Interlocked.Exchange(ref ownContainersRegistered, 1) == 0)
        {
            // Also catches a container the engine created while its start was interrupted, before
            // Testcontainers knew its id.
            _ = ProcessExitCleanup.Register(RemoveOwnContainers);
        }

        var container = new PostgreSqlBuilder(image)
            .WithUsername("postgres")
            .WithPassword(Convert.ToHexString(RandomNumberGenerator.GetBytes(12)))
            .WithDatabase("postgres")
            .WithLabel(OwnerLabel, Owner(Environment.ProcessId))
            .Build();
        var exitCleanup = ProcessExitCleanup.Register(() => container.DisposeAsync().AsTask().Wait(TimeSpan.FromSeconds(15)));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        try
        {
            await container.StartAsync(timeout.Token);
        }
        catch (Exception e)
        {
            await container.DisposeAsync();
            exitCleanup.Dispose();
            var why = e is OperationCanceledException && !cancellationToken.IsCancellationRequested
                ? $"it did not become ready within {StartTimeout.TotalSeconds:0} s"
                : e.Message.Trim().TrimEnd('.');
            throw new InvalidOperationException(
                $"Could not start a PostgreSQL container from image '{image}' on {engine.Endpoint}: {why}. " +
                $"Set {TestPostgresSettings.ImageVariable} to an image the engine has (docker image ls) or can pull.", e);
        }

        return new ContainerPostgresServer(container, image, exitCleanup);
    }

    private protected override async ValueTask StopAsync() => await container.DisposeAsync();

    private static string Owner(int processId) => $"{Environment.MachineName}:{processId}";

    /// <summary>
    /// Testcontainers asks for Docker API 1.44 unless told otherwise, which older engines refuse,
    /// and starts a reaper whose image may not be pullable. Both are process-wide settings read
    /// when Testcontainers first builds its client, so set them (unless the user did) before that.
    /// </summary>
    private static async Task PrepareEnvironmentAsync(DockerEngine engine, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED")))
        {
            Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");
        }

        if (!engine.TransportSupported)
        {
            return;
        }

        if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_API_VERSION")))
        {
            var engineApi = await engine.ApiVersionAsync(cancellationToken);
            // Only pin an older engine: newer engines (Docker 29+) refuse anything below 1.44.
            if (engineApi is not null && engineApi < new Version(1, 44))
            {
                Environment.SetEnvironmentVariable("DOCKER_API_VERSION", $"{engineApi.Major}.{engineApi.Minor}");
            }
        }
    }

    /// <summary>
    /// Removes containers of this host whose owning test process no longer runs (it was killed
    /// before it could dispose them). Containers of live processes, or of other hosts sharing a
    /// remote engine, are left alone. Once per process, best effort: a leftover must not fail a
    /// test, and parallel starts must not race to remove the same container.
    /// </summary>
    internal static async Task SweepOrphansAsync(DockerEngine engine, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref swept, 1) != 0)
        {
            return;
        }

        var prefix = Environment.MachineName + ":";
        try
        {
            foreach (var (id, labels) in await engine.ListContainersAsync(OwnerLabel, cancellationToken))
            {
                if (labels.TryGetValue(OwnerLabel, out var owner)
                    && owner.StartsWith(prefix, StringComparison.Ordinal)
                    && int.TryParse(owner[prefix.Length..], out var pid)
                    && !Processes.IsRunning(pid))
                {
                    await engine.RemoveContainerAsync(id, cancellationToken);
                }
            }
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The next run tries again.
        }
    }

    private static void RemoveOwnContainers()
    {
        using var engine = DockerEngine.FromEnvironment(TimeSpan.FromSeconds(10));
        if (!engine.TransportSupported)
        {
            return;
        }

        var owner = Owner(Environment.ProcessId);
        var containers = engine.ListContainersAsync(OwnerLabel, CancellationToken.None).GetAwaiter().GetResult();
        foreach (var (id, labels) in containers)
        {
            if (labels.TryGetValue(OwnerLabel, out var label) && label == owner)
            {
                engine.RemoveContainerAsync(id, CancellationToken.None).GetAwaiter().GetResult();
            }
        }
    }
}
