using System.Buffers.Binary;
using System.Security.Cryptography;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Client;

/// <summary>
/// One RMCP+ session to one BMC, the production <see cref="IIpmiChannel"/>. <see cref="OpenAsync(IpmiSessionOptions, CancellationToken)"/> runs Get
/// Channel Authentication Capabilities, Open Session and RAKP 1-4 (suite preference with fallback), then Set
/// Session Privilege Level when more than User is asked. Requests are serialised, retransmitted with a new session
/// sequence number (same rqSeq) up to <see cref="IpmiSessionOptions.Retries"/> times, kept alive by Get Device ID
/// when idle, and re-sent after a transparent re-login when the session is lost. <see cref="DisposeAsync"/> sends
/// Close Session once. No thread is held: receives are asynchronous and the keepalive is a timer.
/// </summary>
public sealed partial class IpmiSession : IIpmiChannel, IAsyncDisposable
{
    private const int BufferSize = 1024;

    private readonly IpmiSessionOptions _options;
    private readonly IIpmiTransport _transport;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    // No datagram buffer is held per session (3 KB per idle BMC, 30 MB at 10,000): a transmission and its wait borrow
    // one from the shared pool, and a reply is opened into the thread's buffer (its data is copied out at once).
    [ThreadStatic]
    private static byte[]? t_plainBuffer;
    private readonly SequenceWindow _inboundWindow = new();
    private readonly byte[] _userName;

    /// <summary>Adaptive timeout of in-session requests (their own RTT: BMC command latency differs from RAKP's).</summary>
    private readonly RetransmissionTimer _requestTimer;

    /// <summary>Adaptive timeout of pre-session and handshake messages (Get Channel Auth Caps, Open Session, RAKP).</summary>
    private readonly RetransmissionTimer _handshakeTimer;
    private ITimer? _keepaliveTimer;
    private CancellationTokenSource? _deadline;
    private SessionCipher? _cipher;
    private CipherSuite? _rememberedSuite;
    private SessionState _state;
    private uint _consoleSessionId;
    private uint _bmcSessionId;
    private uint _outboundSequence;
    private byte _requestSequence;
    private byte _messageTag;
    private int _sessionsEstablished;

    private IpmiSession(IpmiSessionOptions options, IIpmiTransport transport)
    {
        _options = options;
        _transport = transport;
        _time = options.TimeProvider;
        _userName = System.Text.Encoding.UTF8.GetBytes(options.UserName);
        _requestTimer = new RetransmissionTimer(options.MinimumRequestTimeout, options.RequestTimeout);
        _handshakeTimer = new RetransmissionTimer(options.MinimumRequestTimeout, options.RequestTimeout);
    }

    private enum SessionState
    {
        New,
        Active,
        Lost,
        Closed,
    }

    /// <summary>The BMC as host:port.</summary>
    public string Target => _options.Target;

    /// <summary>The cipher suite of the current (or last) session; the next re-login tries it first.</summary>
    public CipherSuite? CipherSuite => _rememberedSuite;

    /// <summary>True while a session is established.</summary>
    public bool IsActive => _state == SessionState.Active;

    /// <summary>How many times a session was established (1 after open; more after re-establishment).</summary>
    public int SessionsEstablished => _sessionsEstablished;

    /// <summary>Opens a session over UDP (one socket for this session).</summary>
    public static ValueTask<IpmiSession> OpenAsync(IpmiSessionOptions options, CancellationToken cancellationToken)
        => OpenAsync(options, UdpSocketTransportFactory.Instance, cancellationToken);

    /// <summary>Opens a session over a transport from <paramref name="transportFactory"/> (e.g. a shared <see cref="UdpMultiplexer"/>).</summary>
    public static async ValueTask<IpmiSession> OpenAsync(IpmiSessionOptions options, IIpmiTransportFactory transportFactory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(transportFactory);
        options.Validate();
        var transport = await transportFactory.ConnectAsync(options.Host, options.Port, cancellationToken).ConfigureAwait(false);
        var session = new IpmiSession(options, transport);
        try
        {
            await session._gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await session.EstablishAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                session._gate.Release();
            }

            session.StartKeepalive();
            return session;
        }
        catch
        {
            await session.DisposeCoreAsync(sendClose: false).ConfigureAwait(false);
            throw;
        }
    }

    public ValueTask DisposeAsync() => DisposeCoreAsync(sendClose: true);

    public override string ToString() => $"IpmiSession({_options.UserName}@{Target}, {_state})";

    private async ValueTask DisposeCoreAsync(bool sendClose)
    {
        if (_state == SessionState.Closed)
        {
            return;
        }

        if (_keepaliveTimer is not null)
        {
            await _keepaliveTimer.DisposeAsync().ConfigureAwait(false);
        }

        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            if (sendClose && _state == SessionState.Active)
            {
                await CloseSessionAsync().ConfigureAwait(false);
            }

            _state = SessionState.Closed;
            _cipher?.Dispose();
            _cipher = null;
            _deadline?.Dispose();
            _deadline = null;
            await _transport.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static uint NewConsoleSessionId()
    {
        Span<byte> bytes = stackalloc byte[4];
        uint id;
        do
        {
            RandomNumberGenerator.Fill(bytes);
            id = BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        }
        while (id == 0);
        return id;
    }

    /// <summary>Next outbound session sequence number: starts at 1, skips 0 on wrap (IPMI v2.0 §6.12.13).</summary>
    private uint NextOutboundSequence()
    {
        _outboundSequence++;
        if (_outboundSequence == 0)
        {
            _outboundSequence = 1;
        }

        return _outboundSequence;
    }

    private byte NextRequestSequence()
    {
        _requestSequence = (byte)((_requestSequence + 1) & 0x3F);
        return _requestSequence;
    }
}
