using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>Serves a <see cref="FakeBmc"/> on a loopback UDP port (ephemeral) until disposed.</summary>
internal sealed class UdpFakeBmcServer : IAsyncDisposable
{
    private readonly Socket _socket;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    /// <summary>Serves on <paramref name="address"/> (default 127.0.0.1) and <paramref name="port"/> (default: a free one).</summary>
    public UdpFakeBmcServer(FakeBmc bmc, IPAddress? address = null, int port = 0)
    {
        Bmc = bmc;
        address ??= IPAddress.Loopback;
        _socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = false;
        }

        _socket.Bind(new IPEndPoint(address, port));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _loop = Task.Run(LoopAsync);
    }

    public FakeBmc Bmc { get; }

    public int Port { get; }

    private int _received;

    /// <summary>Datagrams received so far.</summary>
    public int Received => Volatile.Read(ref _received);

    /// <summary>Echo mode: send every datagram back unchanged instead of acting as a BMC.</summary>
    public bool Echo { get; init; }

    private async Task LoopAsync()
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(_socket.AddressFamily == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0);
        while (!_stop.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, _stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                if (_stop.IsCancellationRequested)
                {
                    return;
                }

                continue;
            }

            var datagram = buffer.AsSpan(0, received.ReceivedBytes).ToArray();
            Interlocked.Increment(ref _received);
            IReadOnlyList<byte[]> replies = Echo ? [datagram] : Bmc.Handle(datagram);
            foreach (var reply in replies)
            {
                await _socket.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _socket.Dispose();
        await _loop;
        _stop.Dispose();
    }
}
