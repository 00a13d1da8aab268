using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace HubAspire.Testing.Postgres;

/// <summary>
/// Talks to the Docker engine's HTTP API directly, for the cheap questions asked before
/// Testcontainers is involved: does an engine answer, is an image present, which of our
/// containers outlived their test process. Without an engine Testcontainers fails only after
/// building its client; this answers in milliseconds.
/// </summary>
/// <remarks>
/// Honours <c>DOCKER_HOST</c> (<c>unix://</c> or plain <c>tcp://</c>) and otherwise uses
/// <c>/var/run/docker.sock</c>, the same default Testcontainers uses. TLS engines are not probed
/// (they look absent); force <c>HUBASPIRE_TEST_POSTGRES=container</c> for those.
/// </remarks>
public sealed class DockerEngine : IDisposable
{
    private const string DefaultSocket = "/var/run/docker.sock";

    private readonly HttpClient http;

    private DockerEngine(HttpClient http, string endpoint)
    {
        this.http = http;
        Endpoint = endpoint;
    }

    /// <summary>Where the engine is expected, as written in <c>DOCKER_HOST</c>.</summary>
    public string Endpoint { get; }

    /// <summary>The engine named by <c>DOCKER_HOST</c> or the default socket; null for transports we cannot probe.</summary>
    public static DockerEngine? FromEnvironment(TimeSpan timeout)
    {
        var host = Environment.GetEnvironmentVariable("DOCKER_HOST");
        if (string.IsNullOrWhiteSpace(host))
        {
            host = "unix://" + DefaultSocket;
        }

        if (host.StartsWith("unix://", StringComparison.Ordinal))
        {
            var socketPath = host["unix://".Length..];
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
            return new DockerEngine(new HttpClient(handler) { BaseAddress = new Uri("http://localhost"), Timeout = timeout }, host);
        }

        if (host.StartsWith("tcp://", StringComparison.Ordinal))
        {
            var address = new Uri("http://" + host["tcp://".Length..]);
            return new DockerEngine(new HttpClient { BaseAddress = address, Timeout = timeout }, host);
        }

        return null;
    }

    /// <summary>The endpoint an engine is looked for at, for messages.</summary>
    public static string DescribeEndpoint() =>
        Environment.GetEnvironmentVariable("DOCKER_HOST") is { Length: > 0 } host ? host : "unix://" + DefaultSocket;

    /// <summary>True when <c>GET /_ping</c> answers <c>OK</c> within about a second.</summary>
    public static bool Answers()
    {
        using var engine = FromEnvironment(TimeSpan.FromSeconds(1));
        return engine is not null && engine.PingAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    public async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var body = await http.GetStringAsync("/_ping", cancellationToken);
            return body.Trim() == "OK";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>The engine's own API version (<c>GET /version</c>), or null if it does not say.</summary>
    public async Task<Version?> ApiVersionAsync(CancellationToken cancellationToken)
    {
        await using var stream = await http.GetStreamAsync("/version", cancellationToken);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        return document.RootElement.TryGetProperty("ApiVersion", out var value) && Version.TryParse(value.GetString(), out var version)
            ? version
            : null;
    }

    /// <summary>True when the engine already holds <paramref name="image"/> (so no pull is needed).</summary>
    public async Task<bool> HasImageAsync(string image, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/images/{image}/json", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>True when a container with this id (running or not) exists.</summary>
    public async Task<bool> HasContainerAsync(string id, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"/containers/{id}/json", cancellationToken);
        return response.StatusCode == HttpStatusCode.OK;
    }

    /// <summary>Ids of all containers (running or not) carrying the label <paramref name="label"/>, with their labels.</summary>
    public async Task<IReadOnlyList<(string Id, IReadOnlyDictionary<string, string> Labels)>> ListContainersAsync(
        string label, CancellationToken cancellationToken)
    {
        var filters = Uri.EscapeDataString(JsonSerializer.Serialize(new Dictionary<string, string[]> { ["label"] = [label] }));
        await using var stream = await http.GetStreamAsync($"/containers/json?all=true&filters={filters}", cancellationToken);
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
        using var response = await http.DeleteAsync($"/containers/{id}?force=true&v=true", cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.NoContent or HttpStatusCode.NotFound))
        {
            response.EnsureSuccessStatusCode();
        }
    }

    public void Dispose() => http.Dispose();
}
