using System.Security.Cryptography;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    /// <summary>
    /// Runs Open Session and RAKP 1-4 for one suite, restarting the whole exchange with fresh IDs on a timeout
    /// (steps are not retransmitted individually, reference §2.1). Each step waits the adaptive handshake timeout;
    /// restarts go on while fewer than Retries + 1 were made or the time spent is below (Retries + 1) ×
    /// RequestTimeout, at most 4 × (Retries + 1). Returns null on success or the reason the BMC rejected the
    /// suite; throws for authentication, user, privilege and session-slot failures and for timeouts.
    /// </summary>
    private async ValueTask<string?> HandshakeWithRestartsAsync(CipherSuite suite, CancellationToken cancellationToken)
    {
        var attempts = _options.Retries + 1;
        var budget = _options.RequestTimeout * attempts;
        var started = _time.GetTimestamp();
        IpmiTimeoutException? last = null;
        var attempt = 0;
        for (; attempt < attempts * TransmissionsPerAttempt && (attempt < attempts || _time.GetElapsedTime(started) < budget); attempt++)
        {
            try
            {
                var outcome = await HandshakeOnceAsync(suite, cancellationToken).ConfigureAwait(false);
                if (outcome != HandshakeOutcome.Restart)
                {
                    return outcome == HandshakeOutcome.Done ? null : _rejection;
                }
            }
            catch (IpmiTimeoutException ex)
            {
                last = ex;
            }
        }

        throw new IpmiTimeoutException(
            Target,
            $"BMC {Target} did not complete the RMCP+ handshake ({suite}) in {attempt} attempt(s) over {_time.GetElapsedTime(started).TotalSeconds:0.###} s (settings RequestTimeout {_options.RequestTimeout.TotalSeconds:0.###} s and Retries {_options.Retries}).",
            last);
    }

    private enum HandshakeOutcome
    {
        Done,
        Rejected,
        Restart,
    }

    private string? _rejection;

    /// <summary>The RMCP+ status of the last Open Session rejection (0x01 can mean "no free slot", §2.8).</summary>
    private RmcpPlusStatus? _rejectionStatus;

    private async ValueTask<HandshakeOutcome> HandshakeOnceAsync(CipherSuite suite, CancellationToken cancellationToken)
    {
        var tag = ++_messageTag;
        var consoleSessionId = NewConsoleSessionId();
        var privilege = _options.Privilege;

        // Open Session (IPMI v2.0 §13.17): the same specific privilege as RAKP 1 (opensesspriv quirk, reference §5.1).
        OpenSessionResponse? open = null;
        await ExchangeAsync(
            destination =>
            {
                Span<byte> payload = stackalloc byte[OpenSessionRequest.Length];
                new OpenSessionRequest(tag, privilege, consoleSessionId, suite).Write(payload);
                return RmcpPlusPacket.Write(destination, PayloadType.OpenSessionRequest, 0, 0, payload);
            },
            datagram => MatchHandshake(datagram, PayloadType.OpenSessionResponse, tag, payload =>
            {
                var response = OpenSessionResponse.Parse(payload);
                if (response.Status == RmcpPlusStatus.NoErrors && response.ConsoleSessionId != consoleSessionId)
                {
                    return false;
                }

                open = response;
                return true;
            }),
            _handshakeTimer,
            1,
            1,
            $"Open Session ({suite})",
            cancellationToken).ConfigureAwait(false);

        var opened = open!.Value;
        if (opened.Status != RmcpPlusStatus.NoErrors)
        {
            _rejectionStatus = opened.Status;
            _rejection = $"{suite} rejected by Open Session: status 0x{(byte)opened.Status:X2} ({RmcpPlusStatuses.Describe(opened.Status)})";
            return HandshakeOutcome.Rejected;
        }

        if (!opened.Matches(suite))
        {
            _rejection = $"{suite}: the BMC answered Open Session with other algorithms";
            return HandshakeOutcome.Rejected;
        }

        var bmcSessionId = opened.BmcSessionId;
        var role = RakpRole.Create(privilege, _options.NameOnlyLookup);
        var consoleRandom = RandomNumberGenerator.GetBytes(Rakp1.RandomLength);

        // RAKP 1 / RAKP 2 (IPMI v2.0 §13.20-§13.21).
        Rakp2? rakp2 = null;
        await ExchangeAsync(
            destination =>
            {
                var message = new Rakp1(tag, bmcSessionId, consoleRandom, role, _userName);
                Span<byte> payload = stackalloc byte[Rakp1.FixedLength + Rakp1.MaxUserNameLength];
                var length = message.Write(payload);
                return RmcpPlusPacket.Write(destination, PayloadType.Rakp1, 0, 0, payload[..length]);
            },
            datagram => MatchHandshake(datagram, PayloadType.Rakp2, tag, payload =>
            {
                rakp2 = Rakp2.Parse(payload);
                return true;
            }),
            _handshakeTimer,
            1,
            1,
            "RAKP 1",
            cancellationToken).ConfigureAwait(false);

        var second = rakp2!.Value;
        if (second.Status != RmcpPlusStatus.NoErrors)
        {
            return ClassifyRakpStatus(second.Status, suite, "RAKP 2");
        }

        if (second.ConsoleSessionId != consoleSessionId)
        {
            throw new IpmiSessionSetupException(Target, $"BMC {Target} answered RAKP 1 for another session ID.");
        }

        var exchange = new RakpExchange(consoleSessionId, bmcSessionId, consoleRandom, second.BmcRandom.Span, second.BmcGuid.Span, role, _userName);
        var password = _options.Password.Span;
        if (!exchange.VerifyRakp2Code(suite.Authentication, password, second.KeyExchangeCode.Span))
        {
            await SendRakp3RejectionAsync(tag, bmcSessionId, cancellationToken).ConfigureAwait(false);
            throw new IpmiAuthenticationException(
                Target,
                $"BMC {Target} rejected the login of user '{_options.UserName}': wrong password (RAKP 2 key-exchange code does not match).");
        }

        var keys = exchange.DeriveKeys(suite, password, _options.Kg is null ? default : _options.Kg.Span);

        // intel20 (Intel SE7520AF2; ipmitool -o intelplus): the BMC checks RAKP 3 against the role byte without the
        // name-only lookup bit, while RAKP 2, the session keys and RAKP 4 use the role as sent (protocol reference §5.1).
        var rakp3 = _options.Intel20
            ? new RakpExchange(consoleSessionId, bmcSessionId, consoleRandom, second.BmcRandom.Span, second.BmcGuid.Span, (byte)(role & ~RakpRole.NameOnlyLookup), _userName)
            : exchange;
        try
        {
            return await FinishHandshakeAsync(suite, exchange, rakp3, keys, tag, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            keys.Dispose();
        }
    }

    private async ValueTask<HandshakeOutcome> FinishHandshakeAsync(CipherSuite suite, RakpExchange exchange, RakpExchange rakp3Exchange, SessionKeys keys, byte tag, CancellationToken cancellationToken)
    {
        var code = new byte[IpmiHmac.MaxDigestLength];
        var codeLength = rakp3Exchange.ComputeRakp3Code(suite.Authentication, _options.Password.Span, code);

        // RAKP 3 / RAKP 4 (IPMI v2.0 §13.22-§13.23).
        Rakp4? rakp4 = null;
        await ExchangeAsync(
            destination =>
            {
                var message = new Rakp3(tag, RmcpPlusStatus.NoErrors, exchange.BmcSessionId, code.AsMemory(0, codeLength));
                Span<byte> payload = stackalloc byte[Rakp3.FixedLength + IpmiHmac.MaxDigestLength];
                var length = message.Write(payload);
                return RmcpPlusPacket.Write(destination, PayloadType.Rakp3, 0, 0, payload[..length]);
            },
            datagram => MatchHandshake(datagram, PayloadType.Rakp4, tag, payload =>
            {
                rakp4 = Rakp4.Parse(payload);
                return true;
            }),
            _handshakeTimer,
            1,
            1,
            "RAKP 3",
            cancellationToken).ConfigureAwait(false);

        var fourth = rakp4!.Value;
        if (fourth.Status == RmcpPlusStatus.InvalidSessionId)
        {
            return HandshakeOutcome.Restart;
        }

        if (fourth.Status != RmcpPlusStatus.NoErrors)
        {
            return ClassifyRakpStatus(fourth.Status, suite, "RAKP 4");
        }

        if (!exchange.VerifyRakp4Icv(keys, fourth.IntegrityCheckValue.Span))
        {
            throw new IpmiAuthenticationException(
                Target,
                $"BMC {Target}: RAKP 4 integrity check value does not match (wrong K_g, or a BMC computing keys differently).")
            {
                Rakp4IntegrityMismatch = true,
            };
        }

        _cipher = new SessionCipher(keys);
        _consoleSessionId = exchange.ConsoleSessionId;
        _bmcSessionId = exchange.BmcSessionId;
        _outboundSequence = 0;
        _inboundWindow.Reset();
        return HandshakeOutcome.Done;
    }
}
