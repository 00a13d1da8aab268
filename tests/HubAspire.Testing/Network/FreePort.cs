using System.Net;
using System.Net.Sockets;

namespace HubAspire.Testing.Network;

public static class FreePort
{
    /// <summary>A loopback port nothing listens on right now: the kernel's pick for port 0, released again.</summary>
    public static int Next()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
