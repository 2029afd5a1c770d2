using System.Net.Sockets;
using BmcExporter.Ipmi.Client.Transport;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
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

    /// <summary>
    /// Sends and waits for a matching reply, retransmitting up to <paramref name="attempts"/> times, each time
    /// calling <paramref name="write"/> again (new session sequence number). Non-matching and malformed datagrams
    /// are dropped (reference §2.10). Throws <see cref="IpmiTimeoutException"/> when no attempt got an answer.
    /// </summary>
    private async ValueTask ExchangeAsync(PacketWriter write, ReplyMatcher match, int attempts, string operation, CancellationToken cancellationToken)
    {
        Exception? lastError = null;
        for (var attempt = 0; attempt < attempts; attempt++)
        {
            var length = write(_sendBuffer);
            if (length > 0)
            {
                try
                {
                    await _transport.SendAsync(_sendBuffer.AsMemory(0, length), cancellationToken).ConfigureAwait(false);
                }
                catch (SocketException ex)
                {
                    lastError = ex;
                }
            }

            using var timeout = new CancellationTokenSource(_options.RequestTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            while (true)
            {
                int received;
                try
                {
                    received = await _transport.ReceiveAsync(_receiveBuffer, linked.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    break;
                }
                catch (SocketException ex)
                {
                    // ICMP port unreachable on a connected socket: the next attempt sends again.
                    lastError = ex;
                    await WaitRemainingAsync(linked.Token).ConfigureAwait(false);
                    break;
                }

                ReplyVerdict verdict;
                try
                {
                    verdict = match(_receiveBuffer.AsSpan(0, received));
                }
                catch (IpmiProtocolException)
                {
                    verdict = ReplyVerdict.Ignore;
                }

                if (verdict == ReplyVerdict.Accept)
                {
                    ScheduleKeepalive();
                    return;
                }

                if (verdict == ReplyVerdict.SessionLost)
                {
                    throw new IpmiSessionLostException(Target, $"BMC {Target} answered {operation} outside the session: it no longer knows session 0x{_bmcSessionId:X8}.");
                }
            }
        }

        var reason = lastError is SocketException socket ? $" ({DescribeSocketError(socket)})" : string.Empty;
        throw new IpmiTimeoutException(
            Target,
            $"BMC {Target} did not answer {operation}{reason}: no reply within {_options.RequestTimeout.TotalSeconds:0.###} s per attempt, {attempts} attempt(s) (settings RequestTimeout and Retries).",
            lastError);
    }

    private static string DescribeSocketError(SocketException ex) => ex.SocketErrorCode switch
    {
        SocketError.ConnectionRefused or SocketError.ConnectionReset => "port unreachable",
        SocketError.HostUnreachable or SocketError.NetworkUnreachable => "host unreachable",
        _ => ex.SocketErrorCode.ToString(),
    };

    private static async ValueTask WaitRemainingAsync(CancellationToken token)
    {
        try
        {
            await Task.Delay(Timeout.InfiniteTimeSpan, token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // The attempt's deadline (or the caller) ended the wait.
        }
    }
}
