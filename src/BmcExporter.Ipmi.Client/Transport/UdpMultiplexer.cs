using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Ipmi.Client.Transport;

/// <summary>
/// Shares a few UDP sockets among many sessions: each socket has two receive threads that hand datagrams
/// to the session whose BMC endpoint sent them. Dual stack: IPv4 BMCs share IPv4 sockets and IPv6 BMCs IPv6
/// sockets (an address is never mapped to the other family). A socket carries at most one session per BMC
/// endpoint (BMCs answer the source port, so two sessions to one BMC need two local ports); a further session
/// to the same BMC goes to another socket, opened on demand. On Linux, ICMP errors (port or host unreachable)
/// reach the one session they concern through the socket error queue (<see cref="IcmpErrorQueue"/>).
/// See docs/transport.md for measurements.
/// </summary>
public sealed partial class UdpMultiplexer : IIpmiTransportFactory, IAsyncDisposable
{
    private readonly List<SharedSocket> _sockets = [];
    private readonly Lock _lock = new();
    private bool _disposed;

    /// <summary>Number of sockets opened so far (both families).</summary>
    public int SocketCount
    {
        get
        {
            lock (_lock)
            {
                return _sockets.Count;
            }
        }
    }

    /// <summary>Sockets of one address family opened so far.</summary>
    public int SocketCountOf(AddressFamily family)
    {
        lock (_lock)
        {
            return _sockets.Count(s => s.Family == family);
        }
    }

    /// <summary>How many datagrams a transport of this multiplexer holds for its next receive (tests).</summary>
    internal static int QueuedOf(IIpmiTransport lane) => ((Lane)lane).Queued;

    public async ValueTask<IIpmiTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var target = TargetName.Format(host, port);
        var address = await TargetName.ResolveAsync(host, target, cancellationToken).ConfigureAwait(false);
        if (address.IsIPv4MappedToIPv6)
        {
            // ::ffff:a.b.c.d is an IPv4 peer: serve it from an IPv4 socket.
            address = address.MapToIPv4();
        }

        var key = new IPEndPoint(address, port).Serialize();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var shared in _sockets)
            {
                if (shared.Family == address.AddressFamily && shared.TryAdd(key, target, out var lane))
                {
                    return lane;
                }
            }

            var created = new SharedSocket(address.AddressFamily);
            _sockets.Add(created);
            if (!created.TryAdd(key, target, out var fresh))
            {
                throw new InvalidOperationException("A new socket refused its first session.");
            }

            return fresh;
        }
    }

    public async ValueTask DisposeAsync()
    {
        SharedSocket[] sockets;
        lock (_lock)
        {
            _disposed = true;
            sockets = [.. _sockets];
            _sockets.Clear();
        }

        foreach (var socket in sockets)
        {
            await socket.DisposeAsync().ConfigureAwait(false);
        }
    }
}
