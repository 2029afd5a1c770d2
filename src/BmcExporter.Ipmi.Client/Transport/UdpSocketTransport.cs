using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Ipmi.Client.Transport;

/// <summary>
/// One connected UDP socket per session (reference §2.11: BMCs answer the source port, so it stays fixed for the
/// session). The kernel filters datagrams from other peers; receives are asynchronous, no thread per session.
/// </summary>
public sealed class UdpSocketTransport : IIpmiTransport
{
    private readonly Socket _socket;

    private UdpSocketTransport(Socket socket, string target)
    {
        _socket = socket;
        Target = target;
    }

    public string Target { get; }

    /// <summary>Resolves <paramref name="host"/> and connects a UDP socket to it.</summary>
    public static async ValueTask<UdpSocketTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var target = TargetName.Format(host, port);
        var address = await TargetName.ResolveAsync(host, target, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken).ConfigureAwait(false);
            return new UdpSocketTransport(socket, target);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async ValueTask SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken)
        => await _socket.SendAsync(datagram, SocketFlags.None, cancellationToken).ConfigureAwait(false);

    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        => _socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken);

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>Creates a <see cref="UdpSocketTransport"/> (one socket) per session.</summary>
public sealed class UdpSocketTransportFactory : IIpmiTransportFactory
{
    public static UdpSocketTransportFactory Instance { get; } = new();

    public async ValueTask<IIpmiTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
        => await UdpSocketTransport.ConnectAsync(host, port, cancellationToken).ConfigureAwait(false);
}

/// <summary>host:port formatting and resolution shared by the UDP transports.</summary>
internal static class TargetName
{
    public static string Format(string host, int port)
        => host.Contains(':', StringComparison.Ordinal) && !host.StartsWith('[') ? $"[{host}]:{port}" : $"{host}:{port}";

    public static async ValueTask<IPAddress> ResolveAsync(string host, string target, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return literal;
        }

        try
        {
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
                ?? addresses.FirstOrDefault()
                ?? throw new IpmiTimeoutException(target, $"BMC {target}: host name resolved to no address.");
        }
        catch (SocketException ex)
        {
            throw new IpmiTimeoutException(target, $"BMC {target} is unreachable: cannot resolve the host name ({ex.SocketErrorCode}).", ex);
        }
    }
}
