using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HubAspire.LocalInfrastructure;

/// <summary>
/// Talks to a Docker engine's HTTP API directly, for the cheap questions asked before anything
/// commits to a container: does an engine answer, does it hold an image, which containers carry a
/// label. Aspire waits silently for an engine or an image pull that never comes, and Testcontainers
/// fails only after building its client; these answer in milliseconds, with short timeouts.
/// </summary>
/// <remarks>
/// Follows <c>DOCKER_HOST</c> (<c>unix://</c> or plain <c>tcp://</c>) and otherwise the default
/// socket, as the docker CLI and Testcontainers do. Other transports (TLS, ssh, named pipes) cannot
/// be spoken here: such an engine never answers.
/// </remarks>
public sealed class DockerEngine : IDisposable
{
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    /// <summary>The environment variable naming the engine.</summary>
    public const string HostVariable = "DOCKER_HOST";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient? http;

    private DockerEngine(string endpoint, HttpClient? http)
    {
        Endpoint = endpoint;
        this.http = http;
    }

    /// <summary>Where the engine is looked for, as <c>DOCKER_HOST</c> would say it.</summary>
    public string Endpoint { get; }

    /// <summary>False for a TLS, ssh or named-pipe endpoint, which is never probed (it never answers).</summary>
    public bool TransportSupported => http is not null;

    /// <summary>
    /// The engine at <paramref name="dockerHost"/> (a <c>DOCKER_HOST</c> value), or the default
    /// socket when empty; each request gives up after <paramref name="timeout"/> (2 s by default).
    /// </summary>
    public static DockerEngine At(string? dockerHost, TimeSpan? timeout = null)
    {
        var endpoint = string.IsNullOrWhiteSpace(dockerHost) ? DefaultEndpoint : dockerHost.Trim();
        return new DockerEngine(endpoint, CreateClient(endpoint, timeout ?? DefaultTimeout));
    }

    /// <summary>The engine this process's <c>DOCKER_HOST</c> names, or the default socket.</summary>
    public static DockerEngine FromEnvironment(TimeSpan? timeout = null) =>
        At(Environment.GetEnvironmentVariable(HostVariable), timeout);

    /// <summary>True when <c>GET /_ping</c> answers <c>OK</c>; blocks, for callers that cannot await.</summary>
    public bool Answers() => PingAsync(CancellationToken.None).GetAwaiter().GetResult();

    /// <summary>True when <c>GET /_ping</c> answers <c>OK</c>.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        if (http is null)
        {
            return false;
        }

        try
        {
            var body = await http.GetStringAsync("/_ping", cancellationToken);
            return body.Trim() == "OK";
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return false;
        }
    }

    /// <summary>
    /// True when the engine already holds <paramref name="image"/> (<c>name[:tag]</c>), so nothing
    /// needs pulling; false too when the engine cannot be reached. Blocks, for callers that cannot await.
    /// </summary>
    public bool HasImage(string image)
    {
        if (http is null)
        {
            return false;
        }

        try
        {
            return HasImageAsync(image, CancellationToken.None).GetAwaiter().GetResult();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            return false;
        }
    }

    /// <summary>True when the engine already holds <paramref name="image"/> (<c>name[:tag]</c>).</summary>
    public async Task<bool> HasImageAsync(string image, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync($"/images/{image}/json", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>The engine's own API version (<c>GET /version</c>), or null if it does not say.</summary>
    public async Task<Version?> ApiVersionAsync(CancellationToken cancellationToken)
    {
        await using var stream = await Client.GetStreamAsync("/version", cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("ApiVersion", out var value) && Version.TryParse(value.GetString(), out var version)
            ? version
            : null;
    }

    /// <summary>True when a container with this id (running or not) exists.</summary>
    public async Task<bool> HasContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await Client.GetAsync($"/containers/{id}/json", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Ids of all containers (running or not) carrying the label <paramref name="label"/>, with their labels.</summary>
    public async Task<IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Labels)>> ListContainersAsync(
        string label, CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));
        await using var stream = await Client.GetStreamAsync($"/containers/json?all=true&filters={filters}", cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.EnumerateArray()
            .Select(c => (
                c.GetProperty("Id").GetString()!,
                (IReadOnlyDictionary<string, string>)c.GetProperty("Labels").EnumerateObject()
                    .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "")))
            .ToList();
    }

    /// <summary>Removes a container whatever its state, with its anonymous volumes.</summary>
    public async Task RemoveContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await Client.DeleteAsync($"/containers/{id}?force=true&v=true", cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.NotFound))
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => http?.Dispose();

    private HttpClient Client => http
        ?? throw new NotSupportedException($"Cannot talk to the Docker engine at {Endpoint}: only unix:// and plain tcp:// endpoints are supported.");

    /// <summary>What an absent, stopped or hung engine looks like (a timeout is a cancellation).</summary>
    private static bool IsUnreachable(Exception e) =>
        e is HttpRequestException or SocketException or IOException or TaskCanceledException;

    private static HttpClient? CreateClient(string endpoint, TimeSpan timeout)
    {
        if (endpoint.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socketPath = endpoint["unix://".Length..];
            var handler = new SocketsHttpHandler
            {
                ConnectCallback = async (_, cancellationToken) =>
                {
                    var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
                    try
                    {
                        await socket.ConnectAsync(new UnixDomainSocketEndPoint(socketPath), cancellationToken);
                        return new NetworkStream(socket, ownsSocket: true);
                    }
                    catch
                    {
                        socket.Dispose();
                        throw;
                    }
                },
            };
            // The host name is never resolved: every connection goes to the socket.
            return new HttpClient(handler) { BaseAddress = new Uri("http://localhost"), Timeout = timeout };
        }

        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return new HttpClient { BaseAddress = new Uri("http://" + endpoint["tcp://".Length..]), Timeout = timeout };
        }

        return null;
    }
}
