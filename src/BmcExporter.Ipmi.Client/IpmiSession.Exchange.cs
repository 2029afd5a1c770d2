using System.Buffers;
using System.Net.Sockets;
using System.Runtime.CompilerServices;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    /// <summary>Transmissions allowed per attempt the settings grant, when the adaptive timeout is shorter.</summary>
    private const int TransmissionsPerAttempt = 4;

    private long _requestsSent;
    private long _retransmissions;
    private long _timeouts;
    private long _icmpErrors;

    /// <summary>Builds the datagram of one (re)transmission into the span; 0 means "send nothing, only listen".</summary>
    private delegate int PacketWriter(Span<byte> destination);

    /// <summary>Looks at one inbound datagram and tells whether it is the awaited reply.</summary>
    private delegate ReplyVerdict ReplyMatcher(ReadOnlySpan<byte> datagram);

    private enum ReplyVerdict
    {
        Ignore,
        Accept,
        SessionLost,
    }

    /// <summary>Counters for the host to export (safe to read from any thread).</summary>
    public SessionCounters Counters => new(
        Interlocked.Read(ref _requestsSent),
        Interlocked.Read(ref _retransmissions),
        Interlocked.Read(ref _timeouts),
        Interlocked.Read(ref _icmpErrors),
        _requestTimer.Current,
        _requestTimer.SmoothedRoundTrip);

    /// <summary>
    /// Sends and waits for a matching reply, calling <paramref name="write"/> again for each retransmission (new
    /// session sequence number). The first wait is the retransmission timeout of <paramref name="timer"/>
    /// (adaptive, at most RequestTimeout); each retransmission doubles it up to RequestTimeout. The back-off lasts
    /// for this request only: the next one starts again from the measured value (as CoAP does per message,
    /// RFC 7252 §4.2), since loss on a BMC link is not congestion a shared sender must back away from. Retransmissions go on while fewer than <paramref name="attempts"/> were sent, or
    /// while the time spent is below attempts × RequestTimeout (so a short adaptive timeout never gives up sooner
    /// than the settings say), at most <paramref name="maxTransmissions"/>. Non-matching and malformed datagrams
    /// are dropped (reference §2.10). Two ICMP errors in a row (or one on the last transmission) raise
    /// <see cref="IpmiUnreachableException"/> at once; silence raises <see cref="IpmiTimeoutException"/>.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private async ValueTask ExchangeAsync(
        PacketWriter write, ReplyMatcher match, RetransmissionTimer timer, int attempts, int maxTransmissions, OperationName operation, CancellationToken cancellationToken)
    {
        SocketException? icmp = null;
        var consecutiveIcmp = 0;
        var started = _time.GetTimestamp();
        var budget = _options.RequestTimeout * attempts;
        var transmission = 0;
        var wait = timer.Current;
        for (; transmission < maxTransmissions; transmission++)
        {
            if (transmission >= attempts && _time.GetElapsedTime(started) >= budget)
            {
                break;
            }

            var outcome = await TransmitAndWaitAsync(write, match, timer, wait, transmission, cancellationToken).ConfigureAwait(false);
            switch (outcome.Kind)
            {
                case WaitKind.Answered:
                    ScheduleKeepalive();
                    return;
                case WaitKind.SessionLost:
                    throw new IpmiSessionLostException(Target, $"BMC {Target} answered {operation} outside the session: it no longer knows session 0x{_bmcSessionId:X8}.");
                case WaitKind.Unreachable:
                    Interlocked.Increment(ref _icmpErrors);
                    icmp = outcome.Error;
                    if (++consecutiveIcmp >= 2 || transmission + 1 >= maxTransmissions)
                    {
                        throw Unreachable(operation, icmp!);
                    }

                    break;
                default:
                    consecutiveIcmp = 0;
                    Interlocked.Increment(ref _timeouts);
                    wait = timer.BackOff(wait);
                    break;
            }
        }

        throw new IpmiTimeoutException(
            Target,
            $"BMC {Target} did not answer {operation}: no reply to {transmission} transmission(s) in {_time.GetElapsedTime(started).TotalSeconds:0.###} s (settings RequestTimeout {_options.RequestTimeout.TotalSeconds:0.###} s and Retries {_options.Retries}).",
            icmp);
    }

    /// <summary>
    /// What an exchange is called in error messages: a fixed text, or a request's netFn and command, formatted only
    /// when a message needs it (a steady scrape sends about 50 requests and formats none).
    /// </summary>
    private readonly struct OperationName
    {
        private readonly string? _text;
        private readonly byte _netFn;
        private readonly byte _command;

        private OperationName(string? text, byte netFn, byte command)
        {
            _text = text;
            _netFn = netFn;
            _command = command;
        }

        public static implicit operator OperationName(string text) => new(text, 0, 0);

        public static OperationName Of(IpmiRequest request) => new(null, (byte)request.NetFn, request.Command);

        public override string ToString() => _text ?? $"netFn 0x{_netFn:X2} cmd 0x{_command:X2}";
    }

    private enum WaitKind
    {
        TimedOut,
        Answered,
        SessionLost,
        Unreachable,
    }

    private readonly record struct WaitOutcome(WaitKind Kind, SocketException? Error = null);

    /// <summary>One transmission and the wait for its reply. A reply to a first transmission is an RTT sample.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<WaitOutcome> TransmitAndWaitAsync(
        PacketWriter write, ReplyMatcher match, RetransmissionTimer timer, TimeSpan wait, int transmission, CancellationToken cancellationToken)
    {
        // One buffer, borrowed from the shared pool for this transmission and its wait (the session holds none): it
        // goes back only once the wait ended, since the transport writes into it while it waits.
        var datagram = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            var length = write(datagram.AsSpan(0, BufferSize));
            var listenOnly = length == 0;
            var sentAt = _time.GetTimestamp();
            if (!listenOnly)
            {
                Interlocked.Increment(ref transmission == 0 ? ref _requestsSent : ref _retransmissions);
                try
                {
                    await _transport.SendAsync(datagram.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException ex) when (IsUnreachable(ex))
                {
                    // A connected socket reports an earlier ICMP error on the next send.
                    return new WaitOutcome(WaitKind.Unreachable, ex);
                }
            }

            var deadline = RearmDeadline(listenOnly ? _options.RequestTimeout : wait);
            using var caller = cancellationToken.UnsafeRegister(static state => ((CancellationTokenSource)state!).Cancel(), deadline);
            while (true)
            {
                int received;
                try
                {
                    received = await _transport.ReceiveAsync(datagram.AsMemory(0, BufferSize), deadline.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    return new WaitOutcome(WaitKind.TimedOut);
                }
                catch (SocketException ex) when (IsUnreachable(ex))
                {
                    return new WaitOutcome(WaitKind.Unreachable, ex);
                }
                catch (SocketException)
                {
                    // Any other socket error on receive: the wait goes on until its deadline.
                    continue;
                }

                ReplyVerdict verdict;
                try
                {
                    verdict = match(datagram.AsSpan(0, received));
                }
                catch (IpmiProtocolException)
                {
                    verdict = ReplyVerdict.Ignore;
                }

                if (verdict == ReplyVerdict.Accept)
                {
                    if (transmission == 0 && !listenOnly)
                    {
                        timer.Sample(_time.GetElapsedTime(sentAt));
                    }

                    return new WaitOutcome(WaitKind.Answered);
                }

                if (verdict == ReplyVerdict.SessionLost)
                {
                    return new WaitOutcome(WaitKind.SessionLost);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(datagram);
        }
    }

    /// <summary>
    /// The session's deadline for one wait, cancelled after <paramref name="wait"/> or when the caller cancels.
    /// One source serves every wait of the session (reset and re-armed, no allocation and no new timer per request);
    /// a new one replaces it only after it has fired.
    /// </summary>
    private CancellationTokenSource RearmDeadline(TimeSpan wait)
    {
        if (_deadline is not { } deadline || !deadline.TryReset())
        {
            _deadline?.Dispose();
            deadline = _deadline = new CancellationTokenSource(Timeout.InfiniteTimeSpan, _time);
        }

        deadline.CancelAfter(wait);
        return deadline;
    }

    private static bool IsUnreachable(SocketException ex) => ex.SocketErrorCode
        is SocketError.ConnectionRefused or SocketError.ConnectionReset or SocketError.HostUnreachable or SocketError.NetworkUnreachable;

    private IpmiUnreachableException Unreachable(OperationName operation, SocketException ex)
    {
        var what = ex.SocketErrorCode switch
        {
            SocketError.ConnectionRefused or SocketError.ConnectionReset => "ICMP port unreachable: nothing listens on this UDP port (wrong port, or the BMC's IPMI over LAN is disabled)",
            SocketError.HostUnreachable => "ICMP host unreachable: no route to the BMC or it does not answer ARP/neighbour discovery",
            _ => "ICMP network unreachable: no route to the BMC's network",
        };
        return new IpmiUnreachableException(Target, $"BMC {Target} is unreachable ({operation}): {what}.", ex);
    }
}
