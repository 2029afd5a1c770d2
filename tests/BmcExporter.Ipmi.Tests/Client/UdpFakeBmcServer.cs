using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Ipmi.Tests.Client;

/// <summary>Serves a <see cref="FakeBmc"/> on a loopback UDP port (ephemeral) until disposed.</summary>
internal sealed class UdpFakeBmcServer : IAsyncDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public UdpFakeBmcServer(FakeBmc bmc)
    {
        Bmc = bmc;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
        _loop = Task.Run(LoopAsync);
    }

    public FakeBmc Bmc { get; }

    public int Port { get; }

    /// <summary>Echo mode: send every datagram back unchanged instead of acting as a BMC.</summary>
    public bool Echo { get; init; }

    private async Task LoopAsync()
    {
        var buffer = new byte[2048];
        EndPoint from = new IPEndPoint(IPAddress.Any, 0);
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
