using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

internal static class UdpPorts
{
    /// <summary>Binds UDP port 0 on loopback, reads the port the kernel chose and releases it.</summary>
    public static int FindFree()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }
}
