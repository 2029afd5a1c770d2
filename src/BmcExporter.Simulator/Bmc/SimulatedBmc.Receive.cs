using System.Buffers;
using System.Net;
using System.Net.Sockets;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private static readonly TimeSpan ReorderFlushDelay = TimeSpan.FromMilliseconds(250);

    /// <summary>Receives and answers datagrams until <paramref name="cancellationToken"/> is cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[ReceiveBufferSize];
        var from = new SocketAddress(_socket.AddressFamily);
        while (!cancellationToken.IsCancellationRequested)
        {
            int received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, from, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            catch (ObjectDisposedException)
            {
                break;
            }
            catch (SocketException)
            {
                // ICMP errors from earlier sends surface here on some platforms; keep serving.
                continue;
            }

            _fleet.Statistics.OnReceived();
            var reply = ArrayPool<byte>.Shared.Rent(ReplyBufferSize);
            var length = HandleDatagram(buffer.AsSpan(0, received), reply);
            if (length <= 0)
            {
                ArrayPool<byte>.Shared.Return(reply);
                continue;
            }

            await SendWithFaultsAsync(reply, length, from, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Applies silence, loss and reboot before the protocol handler sees the datagram.</summary>
    internal int HandleDatagram(ReadOnlySpan<byte> datagram, Span<byte> reply)
    {
        var elapsed = _fleet.Elapsed;
        if (_faults.IsSilent(elapsed))
        {
            return 0;
        }

        var reboots = _faults.Reboots(elapsed);
        if (reboots != _rebootsSeen)
        {
            // A reboot loses every session and reservation (IPMI v2.0 §6.12.1: sessions do not survive a BMC reset).
            _rebootsSeen = reboots;
            DropAllSessions();
            _sdrReservation = 0;
            _selReservation = 0;
        }

        if (_faults.Loss > 0 && _random.NextDouble() < _faults.Loss)
        {
            _fleet.Statistics.OnDropped();
            return 0;
        }

        _lastWasSdrRead = false;
        return Handle(datagram, reply, elapsed);
    }

    private async ValueTask SendWithFaultsAsync(byte[] reply, int length, SocketAddress to, CancellationToken cancellationToken)
    {
        length = CorruptReply(reply, length);
        var delay = _faults.Latency;
        if (_faults.Jitter > TimeSpan.Zero)
        {
            delay += _faults.Jitter * _random.NextDouble();
        }

        if (_lastWasSdrRead)
        {
            delay += _faults.SlowSdr;
        }

        var copies = _faults.Duplicate > 0 && _random.NextDouble() < _faults.Duplicate ? 2 : 1;
        if (copies == 2)
        {
            _fleet.Statistics.OnDuplicated();
        }

        if (_faults.Reorder > 0 && _random.NextDouble() < _faults.Reorder && _held is null)
        {
            // Hold this reply and release it after the next one (or after a short while if none follows).
            _fleet.Statistics.OnReordered();
            var held = new HeldReply(reply, length, Copy(to));
            _held = held;
            _ = FlushHeldLaterAsync(held, delay + ReorderFlushDelay, cancellationToken);
            return;
        }

        if (delay <= TimeSpan.Zero)
        {
            await SendAsync(reply, length, to, copies, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _ = SendLaterAsync(reply, length, Copy(to), copies, delay, cancellationToken);
        }
    }

    private async Task SendLaterAsync(byte[] reply, int length, SocketAddress to, int copies, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _fleet.Time, cancellationToken).ConfigureAwait(false);
            await SendAsync(reply, length, to, copies, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            ArrayPool<byte>.Shared.Return(reply);
        }
    }

    private async Task FlushHeldLaterAsync(HeldReply held, TimeSpan delay, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delay, _fleet.Time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (Interlocked.CompareExchange(ref _held, null, held) == held)
        {
            await SendAsync(held.Data, held.Length, held.Address, 1, CancellationToken.None).ConfigureAwait(false);
        }
    }

    private async ValueTask SendAsync(byte[] reply, int length, SocketAddress to, int copies, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < copies; i++)
            {
                await _socket.SendToAsync(reply.AsMemory(0, length), SocketFlags.None, to, cancellationToken).ConfigureAwait(false);
                _fleet.Statistics.OnReply();
            }

            // A reply held back for reordering goes out right after this one.
            if (Interlocked.Exchange(ref _held, null) is { } held)
            {
                await _socket.SendToAsync(held.Data.AsMemory(0, held.Length), SocketFlags.None, held.Address, cancellationToken).ConfigureAwait(false);
                _fleet.Statistics.OnReply();
                ArrayPool<byte>.Shared.Return(held.Data);
            }
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The fleet is stopping or the peer is gone: a lost UDP reply is indistinguishable from loss.
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(reply);
        }
    }

    /// <summary>Truncation, byte corruption and wrong AuthCodes, applied to a finished reply.</summary>
    private int CorruptReply(byte[] reply, int length)
    {
        if (_faults.WrongAuthCode > 0 && CarriesAuthCode(reply.AsSpan(0, length)) && _random.NextDouble() < _faults.WrongAuthCode)
        {
            reply[length - 1] ^= 0x5A;
            _fleet.Statistics.OnWrongAuth();
        }

        if (_faults.Corrupt > 0 && _random.NextDouble() < _faults.Corrupt)
        {
            var at = (int)(_random.NextDouble() * length);
            reply[at] ^= (byte)(1 + (int)(_random.NextDouble() * 255));
            _fleet.Statistics.OnCorrupted();
        }

        if (_faults.Truncate > 0 && length > 1 && _random.NextDouble() < _faults.Truncate)
        {
            length = 1 + (int)(_random.NextDouble() * (length - 1));
            _fleet.Statistics.OnTruncated();
        }

        return length;
    }

    /// <summary>RAKP 2/4 and authenticated in-session packets end with a code a client verifies.</summary>
    private static bool CarriesAuthCode(ReadOnlySpan<byte> reply) =>
        reply.Length > 6 && reply[4] == AuthType.RmcpPlus
        && ((reply[5] & PayloadType.AuthenticatedFlag) != 0 || (reply[5] & 0x3F) is PayloadType.Rakp2 or PayloadType.Rakp4);

    private static SocketAddress Copy(SocketAddress address)
    {
        var copy = new SocketAddress(address.Family, address.Size);
        address.Buffer.Span.CopyTo(copy.Buffer.Span);
        return copy;
    }
}
