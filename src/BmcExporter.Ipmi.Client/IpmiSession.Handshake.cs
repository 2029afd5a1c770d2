using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    private ChannelAuthCapabilities? _authCaps;
    private byte _authCapsCompletionCode;
    private IReadOnlyList<byte>? _bmcSuites;

    /// <summary>
    /// Establishes a session: pre-session discovery, then each acceptable suite of the preference list (the
    /// remembered one first) until one completes (reference §2.1, §7).
    /// </summary>
    private async ValueTask EstablishAsync(CancellationToken cancellationToken)
    {
        _cipher?.Dispose();
        _cipher = null;
        _state = SessionState.New;
        await GetChannelAuthCapabilitiesAsync(cancellationToken).ConfigureAwait(false);
        if (_options.QueryCipherSuites && _bmcSuites is null)
        {
            _bmcSuites = await TryGetChannelCipherSuitesAsync(cancellationToken).ConfigureAwait(false);
        }

        var failures = new List<string>();
        var tried = 0;
        var outOfResources = 0;
        foreach (var id in SuiteOrder())
        {
            if (id == 0 && !_options.AllowCipherSuite0)
            {
                failures.Add("suite 0 refused: it has no authentication, so anyone could log in (set AllowCipherSuite0 to permit it)");
                continue;
            }

            if (!Ipmi.Session.CipherSuite.TryGet(id, out var suite))
            {
                failures.Add($"suite {id} is not supported by this client");
                continue;
            }

            if (_bmcSuites is { Count: > 0 } offered && !offered.Contains(id))
            {
                failures.Add($"suite {id} is not offered by the BMC");
                continue;
            }

            _rejectionStatus = null;
            tried++;
            var rejection = await HandshakeWithRestartsAsync(suite, cancellationToken).ConfigureAwait(false);
            if (_rejectionStatus == RmcpPlusStatus.InsufficientResources)
            {
                outOfResources++;
            }

            if (rejection is null)
            {
                _rememberedSuite = suite;
                _state = SessionState.Active;
                _sessionsEstablished++;
                await RaisePrivilegeAsync(cancellationToken).ConfigureAwait(false);
                return;
            }

            failures.Add(rejection);
        }

        if (tried > 0 && outOfResources == tried)
        {
            // Status 0x01 for every suite: the BMC is out of session slots (a refused suite gets 0x01 on some
            // BMCs too, but not every suite of the list at once, reference §2.8).
            throw new IpmiSessionSlotsExhaustedException(
                Target,
                $"BMC {Target} has no free session slot: Open Session answered status 0x01 (insufficient resources to create a session) for every cipher suite tried [{string.Join(',', _options.CipherSuites)}]. Close idle sessions on the BMC (other tools, stale exporters) or retry later.");
        }

        throw new IpmiCipherSuiteException(
            Target,
            $"BMC {Target} accepted none of the cipher suites [{string.Join(',', _options.CipherSuites)}]: {string.Join("; ", failures)}. Change the CipherSuites setting.");
    }

    private IEnumerable<byte> SuiteOrder()
    {
        if (_rememberedSuite is { } remembered)
        {
            yield return remembered.Id;
        }

        foreach (var id in _options.CipherSuites)
        {
            if (_rememberedSuite?.Id != id)
            {
                yield return id;
            }
        }
    }

    /// <summary>
    /// Get Channel Authentication Capabilities in IPMI 1.5 framing, extended (0x8E) first, plain (0x0E) when the
    /// BMC answers with an error (IPMI v2.0 §22.13, reference §2.2). Only the "IPMI v2.0 available" bit gates the
    /// login; the user and K_g bits are unreliable (authcap quirk).
    /// </summary>
    private async ValueTask GetChannelAuthCapabilitiesAsync(CancellationToken cancellationToken)
    {
        foreach (var extended in new[] { true, false })
        {
            var rqSeq = NextRequestSequence();
            _authCaps = null;
            var header = IpmiMessageHeader.ForRequest(NetFn.App, ChannelAuthCapabilities.Command, rqSeq);
            await ExchangeAsync(
                destination =>
                {
                    Span<byte> data = stackalloc byte[2];
                    ChannelAuthCapabilities.WriteRequestData(data, _options.Privilege, extended);
                    return Ipmi15Packet.WriteRequest(destination, 0, 0, header, data);
                },
                datagram => MatchPreSessionResponse(datagram, header, (cc, data) =>
                {
                    _authCapsCompletionCode = cc;
                    _authCaps = cc == 0 ? ChannelAuthCapabilities.Parse(data) : null;
                }),
                _handshakeTimer,
                _options.Retries + 1,
                (_options.Retries + 1) * TransmissionsPerAttempt,
                "Get Channel Authentication Capabilities",
                cancellationToken).ConfigureAwait(false);
            if (_authCapsCompletionCode == 0)
            {
                break;
            }
        }

        if (_authCaps is not { } caps)
        {
            throw new IpmiSessionSetupException(
                Target,
                $"BMC {Target} refused Get Channel Authentication Capabilities: completion code 0x{_authCapsCompletionCode:X2} ({CompletionCodes.Describe(_authCapsCompletionCode)}).");
        }

        if (!caps.SupportsIpmi20)
        {
            throw new IpmiSessionSetupException(Target, $"BMC {Target} does not offer IPMI v2.0 (RMCP+) sessions on this channel.");
        }
    }

    /// <summary>
    /// Optional Get Channel Cipher Suites before a session, RMCP+ framed with session 0. Many BMCs (ipmi_sim among
    /// them) refuse or ignore it, so one attempt per index, and any failure means "unknown" (null).
    /// </summary>
    private async ValueTask<IReadOnlyList<byte>?> TryGetChannelCipherSuitesAsync(CancellationToken cancellationToken)
    {
        var records = new List<byte>();
        for (byte index = 0; index < 0x40; index++)
        {
            var rqSeq = NextRequestSequence();
            var header = IpmiMessageHeader.ForRequest(NetFn.App, ChannelCipherSuites.Command, rqSeq);
            byte cc = 0xFF;
            byte[] chunk = [];
            try
            {
                var listIndex = index;
                await ExchangeAsync(
                    destination =>
                    {
                        Span<byte> data = stackalloc byte[3];
                        ChannelCipherSuites.WriteRequestData(data, listIndex);
                        return RmcpPlusPacket.WriteRequest(destination, 0, 0, header, data);
                    },
                    datagram => MatchPreSessionResponse(datagram, header, (code, data) =>
                    {
                        cc = code;
                        chunk = data.ToArray();
                    }),
                    _handshakeTimer,
                    1,
                    1,
                    "Get Channel Cipher Suites",
                    cancellationToken).ConfigureAwait(false);
            }
            catch (IpmiTimeoutException)
            {
                return null;
            }

            if (cc != 0 || chunk.Length < 1)
            {
                return null;
            }

            records.AddRange(chunk.AsSpan(1).ToArray());
            if (chunk.Length - 1 < 16)
            {
                break;
            }
        }

        var ids = ChannelCipherSuites.ParseSuiteIds(records.ToArray());
        return ids.Count > 0 ? ids : null;
    }

    private delegate void PreSessionHandler(byte completionCode, ReadOnlySpan<byte> data);

    /// <summary>Accepts a pre-session IPMI response in either framing (ipmi_sim answers in 1.5, reference §6.6).</summary>
    private ReplyVerdict MatchPreSessionResponse(ReadOnlySpan<byte> datagram, IpmiMessageHeader request, PreSessionHandler handler)
    {
        var packet = RmcpDatagram.Parse(datagram);
        var isPreSession = packet.Kind == DatagramKind.Ipmi15
            || (packet.Kind == DatagramKind.RmcpPlus && packet.PayloadTypeByte == PayloadType.Ipmi && packet.SessionId == 0);
        if (!isPreSession)
        {
            return ReplyVerdict.Ignore;
        }

        var response = IpmiLanMessage.ParseResponse(packet.Payload, _options.VerifyChecksums);
        if (response.Header.Command != request.Command || response.Header.NetFn != (request.NetFn | 1) || response.Header.Sequence != request.Sequence)
        {
            return ReplyVerdict.Ignore;
        }

        handler(response.CompletionCode, response.Data);
        return ReplyVerdict.Accept;
    }
}
