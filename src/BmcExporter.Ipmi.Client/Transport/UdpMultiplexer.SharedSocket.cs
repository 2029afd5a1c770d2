using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using System.Threading.Tasks.Sources;

namespace BmcExporter.Ipmi.Client.Transport;

public sealed partial class UdpMultiplexer
{
    private const int MaxDatagram = 1024;
    /// <summary>At most this many datagrams wait for a session between two receives; later ones are dropped.</summary>
    internal const int LaneQueueLength = 8;
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

            // Dedicated threads blocked in recvfrom: a reply costs one wake-up, and the waiting session goes on right
            // there (Lane), instead of epoll, the socket engine and thread-pool hops. Measured in docs/transport.md.
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

    /// <summary>
    /// A session's view of a shared socket: datagrams from its BMC. A datagram that arrives while the session waits
    /// is copied straight into the session's buffer; one that arrives between waits is queued in a pooled buffer
    /// (at most <see cref="LaneQueueLength"/>, further ones are dropped as a full socket buffer would). The wait is
    /// its own reusable <see cref="IValueTaskSource{TResult}"/>: no allocation per datagram. An answer resumes the
    /// waiting session on the receive thread that delivered it, so the session's next request goes out without a
    /// thread switch (callers leave that thread with <see cref="ThreadPoolHop"/> before longer work); a cancelled
    /// wait, an ICMP error or disposal resumes it on the thread pool, never inside the code that cancelled it.
    /// </summary>
    private sealed class Lane : IIpmiTransport, IValueTaskSource<int>
    {
        private static readonly Action<object?, CancellationToken> CancelWait = static (state, token) => ((Lane)state!).Cancel(token);

        private readonly SharedSocket _owner;
        private readonly SocketAddress _key;
        private readonly Lock _lock = new();
        private readonly Queue<(byte[]? Buffer, int Length)> _queued = new(LaneQueueLength);
        private ManualResetValueTaskSourceCore<int> _wait = new() { RunContinuationsAsynchronously = true };
        private Memory<byte> _destination;
        private bool _waiting;
        private bool _disposed;
        private CancellationTokenRegistration _cancellation;

        public Lane(SharedSocket owner, SocketAddress key, string target)
        {
            _owner = owner;
            _key = key;
            Target = target;
        }

        public string Target { get; }

        /// <summary>Datagrams waiting for the next receive (tests).</summary>
        internal int Queued
        {
            get
            {
                lock (_lock)
                {
                    return _queued.Count;
                }
            }
        }

        public void Deliver(ReadOnlySpan<byte> datagram)
        {
            int copied;
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                if (!_waiting)
                {
                    if (_queued.Count < LaneQueueLength)
                    {
                        var copy = ArrayPool<byte>.Shared.Rent(datagram.Length);
                        datagram.CopyTo(copy);
                        _queued.Enqueue((copy, datagram.Length));
                    }

                    return;
                }

                copied = Math.Min(datagram.Length, _destination.Length);
                datagram[..copied].CopyTo(_destination.Span);
                EndWait(resumeHere: true);
            }

            _wait.SetResult(copied);
        }

        /// <summary>An ICMP error for this BMC: the session's pending receive fails with it.</summary>
        public void DeliverError(SocketError error)
        {
            lock (_lock)
            {
                if (_disposed)
                {
                    return;
                }

                if (!_waiting)
                {
                    if (_queued.Count < LaneQueueLength)
                    {
                        _queued.Enqueue((null, (int)error));
                    }

                    return;
                }

                EndWait(resumeHere: false);
            }

            _wait.SetException(new SocketException((int)error));
        }

        public ValueTask SendAsync(ReadOnlyMemory<byte> datagram, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            _owner.SendTo(datagram.Span, _key);
            return ValueTask.CompletedTask;
        }

        public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return ValueTask.FromCanceled<int>(cancellationToken);
            }

            short version;
            lock (_lock)
            {
                if (_waiting)
                {
                    throw new InvalidOperationException("One receive at a time per session.");
                }

                if (_queued.TryDequeue(out var item))
                {
                    return Take(item, buffer);
                }

                if (_disposed)
                {
                    return ValueTask.FromException<int>(new ObjectDisposedException(nameof(UdpMultiplexer)));
                }

                _wait.Reset();
                version = _wait.Version;
                _destination = buffer;
                _waiting = true;
            }

            if (cancellationToken.CanBeCanceled)
            {
                // Registered outside the lock: a token already cancelled runs the callback at once, which takes it.
                _cancellation = cancellationToken.UnsafeRegister(CancelWait, this);
            }

            return new ValueTask<int>(this, version);
        }

        private static ValueTask<int> Take((byte[]? Buffer, int Length) item, Memory<byte> buffer)
        {
            if (item.Buffer is null)
            {
                return ValueTask.FromException<int>(new SocketException(item.Length));
            }

            var copied = Math.Min(item.Length, buffer.Length);
            item.Buffer.AsSpan(0, copied).CopyTo(buffer.Span);
            ArrayPool<byte>.Shared.Return(item.Buffer);
            return ValueTask.FromResult(copied);
        }

        /// <summary>
        /// Under the lock: no receive waits any more; its completion is set by the caller, outside the lock. Only an
        /// answer resumes the session on the completing (receive) thread (see the class remarks); a cancellation, an
        /// ICMP error or disposal resumes it on the thread pool.
        /// </summary>
        private void EndWait(bool resumeHere)
        {
            _waiting = false;
            _destination = default;
            _wait.RunContinuationsAsynchronously = !resumeHere;
        }

        private void Cancel(CancellationToken token)
        {
            lock (_lock)
            {
                if (!_waiting)
                {
                    return;
                }

                EndWait(resumeHere: false);
            }

            _wait.SetException(new OperationCanceledException(token));
        }

        int IValueTaskSource<int>.GetResult(short token)
        {
            // The wait is over (answered, failed or cancelled): its registration goes before the next wait starts.
            _cancellation.Dispose();
            _cancellation = default;
            return _wait.GetResult(token);
        }

        ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _wait.GetStatus(token);

        void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags)
            => _wait.OnCompleted(continuation, state, token, flags);

        public ValueTask DisposeAsync()
        {
            _owner.Remove(_key);
            bool wasWaiting;
            lock (_lock)
            {
                _disposed = true;
                wasWaiting = _waiting;
                if (wasWaiting)
                {
                    EndWait(resumeHere: false);
                }

                while (_queued.TryDequeue(out var item))
                {
                    if (item.Buffer is not null)
                    {
                        ArrayPool<byte>.Shared.Return(item.Buffer);
                    }
                }
            }

            if (wasWaiting)
            {
                _wait.SetException(new ObjectDisposedException(nameof(UdpMultiplexer)));
            }

            return ValueTask.CompletedTask;
        }
    }
}
