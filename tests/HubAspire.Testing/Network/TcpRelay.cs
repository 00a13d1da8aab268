using System.Net;
using System.Net.Sockets;

namespace HubAspire.Testing.Network;

/// <summary>
/// A TCP listener on a loopback port that either relays each connection to a server or, without
/// one, accepts and hangs up at once: a PostgreSQL that comes up late, goes away (dispose the relay:
/// new connections refused, open ones cut) and comes back (a new relay on the same port), or one
/// that is not there.
/// </summary>
public sealed class TcpRelay : IAsyncDisposable
{
    private readonly TcpListener listener;
    private readonly (string Host, int Port)? target;
    private readonly CancellationTokenSource stopping = new();
    private readonly Task accepting;
    private int accepted;

    public TcpRelay(int port, (string Host, int Port)? target)
    {
        this.target = target;
        listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        accepting = AcceptAsync();
    }

    public int Port { get; }

    public int Accepted => Volatile.Read(ref accepted);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        try
        {
            await accepting;
        }
        catch (OperationCanceledException)
        {
        }

        stopping.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(stopping.Token);
            Interlocked.Increment(ref accepted);
            if (target is null)
            {
                client.Dispose();
            }
            else
            {
                _ = RelayAsync(client, target.Value);
            }
        }
    }

    private async Task RelayAsync(TcpClient client, (string Host, int Port) server)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                await upstream.ConnectAsync(server.Host, server.Port, stopping.Token);
                var down = client.GetStream();
                var up = upstream.GetStream();
                await Task.WhenAny(down.CopyToAsync(up, stopping.Token), up.CopyToAsync(down, stopping.Token));
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // One side hung up, or the relay stopped: both sockets close here.
            }
        }
    }
}
