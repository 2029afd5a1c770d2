using System.Security.Cryptography;
using BmcExporter.Ipmi.Client.Security;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

/// <summary>
/// Security probes that need their own handshake (posture checks, not sessions for collecting): each runs on a
/// fresh transport from the given factory, reuses the session's exchange and retransmission rules, and leaves
/// nothing open behind it. None of them sends an IPMI command inside a session except Close Session.
/// </summary>
public sealed partial class IpmiSession
{
    /// <summary>
    /// Pre-session Get Channel Authentication Capabilities (IPMI v2.0 §22.13) once per privilege level in
    /// <paramref name="levels"/>: the IPMI 1.5 authentication types depend on the level asked. Levels the BMC
    /// refuses are left out of the answer.
    /// </summary>
    public static async ValueTask<IReadOnlyList<ChannelAuthCapabilities>> ProbeAuthCapabilitiesAsync(
        IpmiSessionOptions options, IIpmiTransportFactory transportFactory, IReadOnlyList<PrivilegeLevel> levels, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(levels);
        var answers = new List<ChannelAuthCapabilities>(levels.Count);
        await using var probe = await StartProbeAsync(options, transportFactory, cancellationToken).ConfigureAwait(false);
        foreach (var level in levels)
        {
            if (await probe.Session.QueryAuthCapabilitiesAsync(level, cancellationToken).ConfigureAwait(false) is { } caps)
            {
                answers.Add(caps);
            }
        }

        return answers;
    }

    /// <summary>
    /// Tries an RMCP+ session setup with cipher suite 0 (no authentication, integrity or confidentiality) as the
    /// configured user, with a deliberately wrong password. When the BMC completes RAKP 1-4, the probe sends Close
    /// Session and nothing else, and reports the suite accepted. A BMC that refuses at any step, or does not answer,
    /// does not accept suite 0.
    /// </summary>
    public static async ValueTask<CipherSuiteZeroProbe> ProbeCipherSuiteZeroAsync(
        IpmiSessionOptions options, IIpmiTransportFactory transportFactory, CancellationToken cancellationToken)
    {
        var suite = Ipmi.Session.CipherSuite.Get(0);
        await using var probe = await StartProbeAsync(options, transportFactory, cancellationToken).ConfigureAwait(false);
        var session = probe.Session;
        try
        {
            var (open, rakp2, exchange, tag) = await session.OpenAndRakp1Async(suite, cancellationToken).ConfigureAwait(false);
            if (open.Status != RmcpPlusStatus.NoErrors)
            {
                return new(false, $"Open Session refused suite 0: status 0x{(byte)open.Status:X2} ({RmcpPlusStatuses.Describe(open.Status)})");
            }

            if (!open.Matches(suite))
            {
                return new(false, "Open Session answered suite 0 with other algorithms");
            }

            if (rakp2 is not { Status: RmcpPlusStatus.NoErrors } || exchange is null)
            {
                var status = rakp2?.Status ?? RmcpPlusStatus.InvalidSessionId;
                return new(false, $"RAKP 2 refused suite 0: status 0x{(byte)status:X2} ({RmcpPlusStatuses.Describe(status)})");
            }

            // Suite 0 has no key-exchange code: an empty RAKP 3 code (and a wrong password) must not be enough.
            var keys = exchange.DeriveKeys(suite, default, default);
            var outcome = await session.FinishHandshakeAsync(suite, exchange, keys, tag, cancellationToken).ConfigureAwait(false);
            if (outcome != HandshakeOutcome.Done)
            {
                keys.Dispose();
                return new(false, "RAKP 4 refused suite 0");
            }

            session._state = SessionState.Active;
            return new(true, "the BMC completed a suite 0 session setup; the probe closed it at once");
        }
        catch (IpmiTimeoutException)
        {
            return new(false, "no answer to a suite 0 session setup");
        }
        catch (IpmiException ex) when (ex is IpmiAuthenticationException or IpmiPrivilegeException or IpmiUnknownUserException or IpmiSessionSetupException)
        {
            return new(false, $"suite 0 refused: {ex.Message}");
        }
    }

    /// <summary>
    /// Asks the BMC for its RAKP 2 answer for <paramref name="userName"/> with <paramref name="suite"/> (which must
    /// authenticate), then rejects the RAKP 2 (RAKP 3 status 0x0F) so no session is completed. The BMC may log the
    /// rejection as a failed login in its SEL (session audit).
    /// </summary>
    public static async ValueTask<Rakp2Capture> CaptureRakp2Async(
        IpmiSessionOptions options, IIpmiTransportFactory transportFactory, CipherSuite suite, string userName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (suite.Authentication == Ipmi.Crypto.AuthenticationAlgorithm.None)
        {
            throw new ArgumentException("A RAKP 2 capture needs a cipher suite with authentication.", nameof(suite));
        }

        await using var probe = await StartProbeAsync(options with { UserName = userName }, transportFactory, cancellationToken).ConfigureAwait(false);
        var session = probe.Session;
        var (open, rakp2, exchange, tag) = await session.OpenAndRakp1Async(suite, cancellationToken).ConfigureAwait(false);
        if (open.Status != RmcpPlusStatus.NoErrors)
        {
            return new Rakp2Capture(userName, open.Status, suite.Authentication, null, default);
        }

        if (rakp2 is not { Status: RmcpPlusStatus.NoErrors } second || exchange is null)
        {
            return new Rakp2Capture(userName, rakp2?.Status ?? RmcpPlusStatus.InvalidSessionId, suite.Authentication, null, default);
        }

        await session.SendRakp3RejectionAsync(tag, exchange.BmcSessionId, cancellationToken).ConfigureAwait(false);
        return new Rakp2Capture(userName, RmcpPlusStatus.NoErrors, suite.Authentication, exchange, second.KeyExchangeCode.Span);
    }

    /// <summary>
    /// One pre-session Get Channel Authentication Capabilities at <paramref name="level"/>, extended first, plain
    /// when refused (IPMI v2.0 §22.13); <c>null</c> when both are refused.
    /// </summary>
    private async ValueTask<ChannelAuthCapabilities?> QueryAuthCapabilitiesAsync(PrivilegeLevel level, CancellationToken cancellationToken)
    {
        foreach (var extended in new[] { true, false })
        {
            var header = IpmiMessageHeader.ForRequest(NetFn.App, ChannelAuthCapabilities.Command, NextRequestSequence());
            ChannelAuthCapabilities? caps = null;
            await ExchangeAsync(
                destination =>
                {
                    Span<byte> data = stackalloc byte[2];
                    ChannelAuthCapabilities.WriteRequestData(data, level, extended);
                    return Ipmi15Packet.WriteRequest(destination, 0, 0, header, data);
                },
                datagram => MatchPreSessionResponse(datagram, header, (cc, data) => caps = cc == 0 ? ChannelAuthCapabilities.Parse(data) : null),
                _handshakeTimer,
                _options.Retries + 1,
                _options.Retries + 1,
                "Get Channel Authentication Capabilities",
                cancellationToken).ConfigureAwait(false);
            if (caps is not null)
            {
                return caps;
            }
        }

        return null;
    }

    private static async ValueTask<ProbeScope> StartProbeAsync(IpmiSessionOptions options, IIpmiTransportFactory transportFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transportFactory);
        options.Validate();
        var transport = await transportFactory.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        return new ProbeScope(new IpmiSession(options, transport));
    }

    /// <summary>
    /// Open Session and RAKP 1 for <paramref name="suite"/> (IPMI v2.0 §13.17-§13.21), Open Session retransmitted
    /// up to Retries + 1 times. Returns the RAKP 2 (null when Open Session failed) and the exchange to verify it.
    /// </summary>
    private async ValueTask<(OpenSessionResponse Open, Rakp2? Rakp2, RakpExchange? Exchange, byte Tag)> OpenAndRakp1Async(CipherSuite suite, CancellationToken cancellationToken)
    {
        var tag = ++_messageTag;
        var consoleSessionId = NewConsoleSessionId();
        var privilege = _options.Privilege;
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
            _options.Retries + 1,
            _options.Retries + 1,
            $"Open Session ({suite})",
            cancellationToken).ConfigureAwait(false);
        var opened = open!.Value;
        if (opened.Status != RmcpPlusStatus.NoErrors || !opened.Matches(suite))
        {
            return (opened, null, null, tag);
        }

        var role = RakpRole.Create(privilege, _options.NameOnlyLookup);
        var consoleRandom = RandomNumberGenerator.GetBytes(Rakp1.RandomLength);
        Rakp2? rakp2 = null;
        await ExchangeAsync(
            destination =>
            {
                var message = new Rakp1(tag, opened.BmcSessionId, consoleRandom, role, _userName);
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
        if (second.Status != RmcpPlusStatus.NoErrors || second.ConsoleSessionId != consoleSessionId)
        {
            return (opened, second, null, tag);
        }

        var exchange = new RakpExchange(consoleSessionId, opened.BmcSessionId, consoleRandom, second.BmcRandom.Span, second.BmcGuid.Span, role, _userName);
        return (opened, second, exchange, tag);
    }

    /// <summary>Disposes a probe's session: Close Session only when a session was completed, then the transport.</summary>
    private sealed class ProbeScope(IpmiSession session) : IAsyncDisposable
    {
        public IpmiSession Session { get; } = session;

        public ValueTask DisposeAsync() => Session.DisposeCoreAsync(sendClose: true);
    }
}
