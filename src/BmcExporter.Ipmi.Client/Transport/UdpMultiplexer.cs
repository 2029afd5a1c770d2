using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace BmcExporter.Ipmi.Client.Transport;

/// <summary>
/// Shares a few UDP sockets among many sessions: each socket has one asynchronous receive loop that hands
/// datagrams to the session whose BMC endpoint sent them. A socket carries at most one session per BMC
/// endpoint (BMCs answer the source port, so two sessions to one BMC need two local ports); a further
/// session to the same BMC goes to another socket, opened on demand. See docs/transport.md for measurements.
/// </summary>
public sealed partial class UdpMultiplexer : IIpmiTransportFactory, IAsyncDisposable
{
    private readonly List<SharedSocket> _sockets = [];
    private readonly Lock _lock = new();
    private readonly AddressFamily _family;
    private bool _disposed;

    /// <summary>Creates a multiplexer whose sockets bind to the wildcard address of <paramref name="family"/>.</summary>
    public UdpMultiplexer(AddressFamily family = AddressFamily.InterNetwork)
    {
        _family = family;
    }

    /// <summary>Number of sockets opened so far.</summary>
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

    public async ValueTask<IIpmiTransport> ConnectAsync(string host, int port, CancellationToken cancellationToken)
    {
        var target = TargetName.Format(host, port);
        var address = await TargetName.ResolveAsync(host, target, cancellationToken).ConfigureAwait(false);
        if (address.AddressFamily != _family)
        {
            address = _family == AddressFamily.InterNetworkV6 ? address.MapToIPv6() : address.MapToIPv4();
        }

        var endPoint = new IPEndPoint(address, port);
        var key = endPoint.Serialize();
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (var shared in _sockets)
            {
                if (shared.TryAdd(key, target, out var lane))
                {
                    return lane;
                }
            }

            var created = new SharedSocket(_family);
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
