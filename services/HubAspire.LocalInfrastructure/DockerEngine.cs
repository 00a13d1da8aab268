using System.Net;
using System.Net.Sockets;

namespace HubAspire.AppHost.Containers;

/// <summary>
/// Asks a Docker engine's HTTP API the two cheap questions the AppHost needs before it commits to
/// a container: does an engine answer, and does it already hold an image. Aspire itself would
/// wait silently for an engine or an image pull that never comes, so these are asked first, in
/// milliseconds, with short timeouts.
/// </summary>
/// <remarks>
/// Follows <c>DOCKER_HOST</c> (<c>unix://</c> or plain <c>tcp://</c>) and otherwise the default
/// socket, as the docker CLI does. Other transports (TLS, ssh, named pipes) cannot be probed here
/// and count as not answering. Free of Aspire types, so tests can ask the same questions.
/// </remarks>
public sealed class DockerEngine : IDisposable
{
    public const string DefaultEndpoint = "unix:///var/run/docker.sock";

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(2);

    private readonly HttpClient? http;

    private DockerEngine(string endpoint, HttpClient? http)
    {
        Endpoint = endpoint;
        this.http = http;
    }

    /// <summary>Where the engine is looked for, as <c>DOCKER_HOST</c> would say it.</summary>
    public string Endpoint { get; }

    /// <summary>The engine at <paramref name="dockerHost"/> (a <c>DOCKER_HOST</c> value), or the default socket when empty.</summary>
    public static DockerEngine At(string? dockerHost)
    {
        var endpoint = string.IsNullOrWhiteSpace(dockerHost) ? DefaultEndpoint : dockerHost.Trim();
        return new DockerEngine(endpoint, CreateClient(endpoint));
    }

    /// <summary>True when <c>GET /_ping</c> answers <c>OK</c>.</summary>
    public bool Answers()
    {
        if (http is null)
        {
            return false;
        }

        try
        {
            return http.GetStringAsync("/_ping").GetAwaiter().GetResult().Trim() == "OK";
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    /// <summary>True when the engine already holds <paramref name="image"/> (<c>name[:tag]</c>), so nothing needs pulling.</summary>
    public bool HasImage(string image)
    {
        if (http is null)
        {
            return false;
        }

        try
        {
            using var response = http.GetAsync($"/images/{image}/json").GetAwaiter().GetResult();
            return response.StatusCode == HttpStatusCode.OK;
        }
        catch (Exception e) when (e is HttpRequestException or SocketException or IOException or TaskCanceledException)
        {
            return false;
        }
    }

    public void Dispose() => http?.Dispose();

    private static HttpClient? CreateClient(string endpoint)
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
            return new HttpClient(handler) { BaseAddress = new Uri("http://localhost"), Timeout = Timeout };
        }

        if (endpoint.StartsWith("tcp://", StringComparison.Ordinal))
        {
            return new HttpClient { BaseAddress = new Uri("http://" + endpoint["tcp://".Length..]), Timeout = Timeout };
        }

        return null;
    }
}
