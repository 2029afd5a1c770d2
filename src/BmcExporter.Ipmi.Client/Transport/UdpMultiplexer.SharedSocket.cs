using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace BmcExporter.Ipmi.Client.Transport;

public sealed partial class UdpMultiplexer
{
    private const int MaxDatagram = 1024;
    private const int LaneQueueLength = 8;
    private const int ReceiveBufferBytes = 4 * 1024 * 1024;
    private const int ReceiveLoopsPerSocket = 2;

    // A blocked receive wakes at least this often to notice disposal (a bound on shutdown time, not on latency).
    private const int ReceiveWakeMilliseconds = 1000;

    /// <summary>One bound socket, its receive loop and the lanes (sessions) it serves.</summary>
    private sealed class SharedSocket : IAsyncDisposable
    {
        private readonly Socket _socket;
        private readonly ConcurrentDictionary<SocketAddress, Lane> _lanes = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Thread[] _receiveThreads;

        public SharedSocket(AddressFamily family)
        {
            Family = family;
            _socket = new Socket(family, SocketType.Dgram, ProtocolType.Udp);
            if (family == AddressFamily.InterNetworkV6)
            {
                // IPv6 only: IPv4 peers have their own sockets, so a v4-mapped address never reaches this one.
                _socket.DualMode = false;
            }

            IcmpErrors = IcmpErrorQueue.Enable(_socket);

            // Replies from thousands of BMCs land in one kernel queue: a larger buffer absorbs bursts (the kernel
            // caps it at net.core.rmem_max). Measured in docs/transport.md.
            _socket.ReceiveBufferSize = ReceiveBufferBytes;
            _socket.Bind(new IPEndPoint(family == AddressFamily.InterNetworkV6 ? IPAddress.IPv6Any : IPAddress.Any, 0));
            _socket.ReceiveTimeout = ReceiveWakeMilliseconds;

            // Dedicated threads blocked in recvfrom: a reply costs one wake-up and one hand-off to the session's
            // continuation on the thread pool, instead of epoll, the socket engine and two thread-pool hops.
            // Measured in docs/transport.md.
            _receiveThreads = new Thread[ReceiveLoopsPerSocket];
            for (var i = 0; i < _receiveThreads.Length; i++)
            {
                _receiveThreads[i] = new Thread(ReceiveLoop)
                {
                    IsBackground = true,
                    Name = $"ipmi-udp-rx-{(family == AddressFamily.InterNetworkV6 ? "v6" : "v4")}-{i}",
                };
                _receiveThreads[i].Start();
            }
        }

        public AddressFamily Family { get; }

        /// <summary>ICMP errors are read from the socket error queue (Linux).</summary>
        public bool IcmpErrors { get; }

        public bool TryAdd(SocketAddress key, string target, out Lane lane)
        {
            lane = new Lane(this, key, target);
            return _lanes.TryAdd(key, lane);
        }

        public void Remove(SocketAddress key) => _lanes.TryRemove(key, out _);

        /// <summary>
        /// UDP sendto completes without waiting for the peer, so it is issued synchronously: no allocation, and it
        /// avoids a race seen in concurrent SendToAsync(SocketAddress) calls on one socket (.NET 10.0.12).
        /// </summary>
        public void SendTo(ReadOnlySpan<byte> datagram, SocketAddress address) => _socket.SendTo(datagram, SocketFlags.None, address);

        private void ReceiveLoop()
        {
            var from = new SocketAddress(_socket.AddressFamily);
            var buffer = new byte[MaxDatagram];
            while (!_stop.IsCancellationRequested)
            {
                int length;
                try
                {
                    length = _socket.ReceiveFrom(buffer, SocketFlags.None, from);
                }
                catch (ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException e) when (e.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock or SocketError.Interrupted)
                {
                    // The periodic wake-up: look at the stop flag again.
                    continue;
                }
                catch (SocketException)
                {
                    // An ICMP error for one peer: with IP_RECVERR the queue says which; hand it to that session.
                    if (_stop.IsCancellationRequested)
                    {
                        return;
                    }

                    DrainErrors();
                    continue;
                }

                if (_lanes.TryGetValue(from, out var lane))
                {
                    lane.Deliver(buffer.AsSpan(0, length));
                }
            }
        }

        private void DrainErrors()
        {
            if (!IcmpErrors)
            {
                return;
            }

            var peer = new SocketAddress(_socket.AddressFamily);

            try
            {
                // Bounded: the kernel caps the error queue by the socket's receive buffer; 64 per wake-up is plenty.
                for (var i = 0; i < 64 && IcmpErrorQueue.TryRead(_socket, peer, out var error); i++)
                {
                    if (_lanes.TryGetValue(peer, out var lane))
                    {
                        lane.DeliverError(error);
                    }
                }
            }
            catch (ObjectDisposedException)
            {
                // The multiplexer is being disposed.
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync().ConfigureAwait(false);
            try
            {
                // Wakes the threads blocked in recvfrom (Linux wakes readers even on an unconnected UDP socket).
                _socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
                // Not connected: the receive timeout wakes them instead.
            }

            _socket.Dispose();
            foreach (var thread in _receiveThreads)
            {
                // Bounded: each thread wakes within the receive timeout and sees the stop flag.
                thread.Join(2 * ReceiveWakeMilliseconds);
            }

            _stop.Dispose();
        }
    }

    /// <summary>A session's view of a shared socket: datagrams from its BMC, queued in pooled buffers.</summary>
    private sealed class Lane : IIpmiTransport
    {
        private readonly SharedSocket _owner;
        private readonly SocketAddress _key;
        private readonly Channel<(byte[]? Buffer, int Length)> _queue = Channel.CreateBounded<(byte[]?, int)>(
            new BoundedChannelOptions(LaneQueueLength) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true, SingleWriter = false });

        public Lane(SharedSocket owner, SocketAddress key, string target)
        {
            _owner = owner;
            _key = key;
            Target = target;
        }

        public string Target { get; }

        public void Deliver(ReadOnlySpan<byte> datagram)
        {
            var copy = ArrayPool<byte>.Shared.Rent(datagram.Length);
            datagram.CopyTo(copy);
            if (!_queue.Writer.TryWrite((copy, datagram.Length)))
            {
                ArrayPool<byte>.Shared.Return(copy);
            }
        }

        /// <summary>An ICMP error for this BMC: the session's pending receive fails with it (Length holds the error).</summary>
        public void DeliverError(SocketError error) => _queue.Writer.TryWrite((null, (int)error));

        public ValueTask SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _owner.SendTo(datagram.Span, _key);
            return ValueTask.CompletedTask;
        }

        public async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            var (data, length) = await _queue.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            if (data is null)
            {
                throw new SocketException(length);
            }

            try
            {
                var copied = Math.Min(length, buffer.Length);
                data.AsSpan(0, copied).CopyTo(buffer.Span);
                return copied;
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(data);
            }
        }

        public ValueTask DisposeAsync()
        {
            _owner.Remove(_key);
            _queue.Writer.TryComplete();
            while (_queue.Reader.TryRead(out var item))
            {
                if (item.Buffer is not null)
                {
                    ArrayPool<byte>.Shared.Return(item.Buffer);
                }
            }

            return ValueTask.CompletedTask;
        }
    }
}
