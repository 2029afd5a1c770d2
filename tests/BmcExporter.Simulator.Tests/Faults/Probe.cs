using System.Net;
using System.Net.Sockets;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Simulator.Tests.Faults;

/// <summary>
/// A raw pre-session client: sends Get Channel Authentication Capabilities in IPMI 1.5 framing (answered without a
/// session, so every datagram exercises the fault layer) and collects whatever comes back.
/// </summary>
internal sealed class Probe : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
    private readonly IPEndPoint _target;

    public Probe(IPEndPoint target)
    {
        _target = target;
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _socket.ReceiveBufferSize = 1 << 20;
    }

    public static byte[] Request(byte sequence)
    {
        var buffer = new byte[64];
        var header = IpmiMessageHeader.ForRequest(NetFn.App, 0x38, sequence);
        var length = Ipmi15Packet.WriteRequest(buffer, 0, 0, header, [0x8E, 0x02]);
        return buffer[..length];
    }

    /// <summary>Sends <paramref name="count"/> requests in batches and returns every reply received.</summary>
    public async Task<List<byte[]>> SendManyAsync(int count, int batch = 50, TimeSpan? quiet = null)
    {
        var replies = new List<byte[]>();
        for (var sent = 0; sent < count; sent += batch)
        {
            var n = Math.Min(batch, count - sent);
            for (var i = 0; i < n; i++)
            {
                await _socket.SendToAsync(Request((byte)((sent + i) & 0x3F)), SocketFlags.None, _target);
            }

            replies.AddRange(await DrainAsync(quiet ?? TimeSpan.FromMilliseconds(150)));
        }

        return replies;
    }

    /// <summary>
    /// Sends one request and returns how long the first reply took, or null when none came within
    /// <paramref name="timeout"/> (a generous bound: the time measured is the reply's, not the bound's).
    /// </summary>
    public async Task<TimeSpan?> RoundTripAsync(byte sequence, TimeSpan timeout)
    {
        var buffer = new byte[1024];
        var started = System.Diagnostics.Stopwatch.StartNew();
        await _socket.SendToAsync(Request(sequence), SocketFlags.None, _target);
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
            return started.Elapsed;
        }
        catch (OperationCanceledException)
        {
            return null;
        }
    }

    /// <summary>Receives until nothing arrives for <paramref name="quiet"/>.</summary>
    public async Task<List<byte[]>> DrainAsync(TimeSpan quiet)
    {
        var replies = new List<byte[]>();
        var buffer = new byte[1024];
        for (var guard = 0; guard < 100_000; guard++)
        {
            using var cts = new CancellationTokenSource(quiet);
            try
            {
                var r = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, new IPEndPoint(IPAddress.Any, 0), cts.Token);
                replies.Add(buffer[..r.ReceivedBytes]);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }

        return replies;
    }

    public void Dispose() => _socket.Dispose();
}
