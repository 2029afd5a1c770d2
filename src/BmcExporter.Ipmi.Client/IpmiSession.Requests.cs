using System.Buffers;
using System.Runtime.CompilerServices;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    private const byte GetDeviceIdCommand = 0x01;
    private const byte CloseSessionCommand = 0x3C;
    private const byte SetSessionPrivilegeCommand = 0x3B;

    private byte _replyCompletionCode;
    private byte[] _replyData = [];

    /// <summary>
    /// Sends one request in the session and returns its response (any completion code; callers use
    /// <see cref="IpmiResponse.EnsureOk"/>). Bridged requests (<see cref="IpmiRequest.BridgeChannel"/>) are wrapped in
    /// Send Message. A lost session is re-established up to <see cref="IpmiSessionOptions.MaxReestablishAttempts"/> times.
    /// </summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ObjectDisposedException.ThrowIf(_state == SessionState.Closed, this);
            for (var reestablish = 0; ; reestablish++)
            {
                if (_state != SessionState.Active)
                {
                    await ReestablishAsync(reestablish, cancellationToken).ConfigureAwait(false);
                }

                try
                {
                    return await SendInSessionAsync(request, cancellationToken).ConfigureAwait(false);
                }
                catch (IpmiUnreachableException)
                {
                    _state = SessionState.Lost;
                    throw;
                }
                catch (Exception ex) when (ex is IpmiTimeoutException or IpmiSessionLostException && reestablish < _options.MaxReestablishAttempts)
                {
                    _state = SessionState.Lost;
                }
                catch (Exception ex) when (ex is IpmiTimeoutException or IpmiSessionLostException)
                {
                    _state = SessionState.Lost;
                    throw new IpmiSessionLostException(
                        Target,
                        $"Session with BMC {Target} lost and not re-established after {reestablish} attempt(s) (setting MaxReestablishAttempts): {ex.Message}",
                        ex);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async ValueTask ReestablishAsync(int attempt, CancellationToken cancellationToken)
    {
        try
        {
            await EstablishAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IpmiTimeoutException ex) when (attempt > 0)
        {
            throw new IpmiSessionLostException(Target, $"Session with BMC {Target} lost; re-establishing failed: {ex.Message}", ex);
        }
    }

    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    private async ValueTask<IpmiResponse> SendInSessionAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        if (!request.IsBridged)
        {
            var header = new IpmiMessageHeader(
                request.TargetAddress, (byte)request.NetFn, request.TargetLun, IpmiAddresses.RemoteConsole, NextRequestSequence(), 0, request.Command);
            await SendSealedAsync(header, request.Data, OperationName.Of(request), cancellationToken).ConfigureAwait(false);
            return new IpmiResponse(_replyCompletionCode, _replyData);
        }

        return await SendBridgedAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Seals the request (new session sequence number per attempt, same rqSeq) and waits for its response. The request
    /// in flight is kept in fields read by two delegates made once per session, so a request allocates no closure;
    /// the session's gate allows one request at a time, so the fields cannot be overwritten during an exchange.
    /// </summary>
    private ValueTask SendSealedAsync(IpmiMessageHeader header, ReadOnlyMemory<byte> data, OperationName operation, CancellationToken cancellationToken)
    {
        _sealing = new SealedRequest(_cipher ?? throw new InvalidOperationException("No active session."), header, data);
        return ExchangeAsync(
            _sealPending ??= SealPending,
            _matchPending ??= MatchPending,
            _requestTimer,
            _options.Retries + 1,
            (_options.Retries + 1) * TransmissionsPerAttempt,
            operation,
            cancellationToken);
    }

    private readonly record struct SealedRequest(SessionCipher Cipher, IpmiMessageHeader Header, ReadOnlyMemory<byte> Data);

    private SealedRequest _sealing;
    private PacketWriter? _sealPending;
    private ReplyMatcher? _matchPending;

    private int SealPending(Span<byte> destination)
        => _sealing.Cipher.SealRequest(destination, _bmcSessionId, NextOutboundSequence(), _sealing.Header, _sealing.Data.Span);

    private ReplyVerdict MatchPending(ReadOnlySpan<byte> datagram)
        => MatchInSession(datagram, (byte)(_sealing.Header.NetFn | 1), _sealing.Header.Command, _sealing.Header.Sequence);

    /// <summary>
    /// Accepts the sealed response with the expected netFn, command and rqSeq; ignores CC 0xCF (an earlier
    /// retransmission's duplicate) and anything replayed (window). An unauthenticated answer to our request means
    /// the BMC dropped the session.
    /// </summary>
    private ReplyVerdict MatchInSession(ReadOnlySpan<byte> datagram, byte netFn, byte command, int? sequence)
    {
        var packet = RmcpDatagram.Parse(datagram);
        if (packet.Kind == DatagramKind.Ipmi15 || (packet.Kind == DatagramKind.RmcpPlus && packet.SessionId == 0 && packet.PayloadTypeByte == PayloadType.Ipmi))
        {
            var plain = IpmiLanMessage.ParseResponse(packet.Payload, _options.VerifyChecksums);
            return plain.Header.Command == command && plain.Header.NetFn == netFn ? ReplyVerdict.SessionLost : ReplyVerdict.Ignore;
        }

        if (packet.Kind != DatagramKind.RmcpPlus || packet.SessionId != _consoleSessionId || _cipher is null)
        {
            return ReplyVerdict.Ignore;
        }

        var plainBuffer = t_plainBuffer ??= new byte[BufferSize];
        var opened = _cipher.Open(datagram, _consoleSessionId, plainBuffer);
        if (opened.PayloadType != PayloadType.Ipmi)
        {
            return ReplyVerdict.Ignore;
        }

        var response = IpmiLanMessage.ParseResponse(plainBuffer.AsSpan(0, opened.Length), _options.VerifyChecksums);
        if (response.Header.NetFn != netFn || response.Header.Command != command
            || (sequence is { } expected && response.Header.Sequence != expected))
        {
            return ReplyVerdict.Ignore;
        }

        if (response.CompletionCode == (byte)CompletionCode.DuplicatedRequest || !_inboundWindow.TryAccept(opened.SequenceNumber))
        {
            return ReplyVerdict.Ignore;
        }

        _replyCompletionCode = response.CompletionCode;
        _replyData = response.Data.ToArray();
        return ReplyVerdict.Accept;
    }
}
