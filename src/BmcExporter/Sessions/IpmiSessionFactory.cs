using BmcExporter.Config;
using BmcExporter.Snapshots;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Transport;

namespace BmcExporter.Sessions;

/// <summary>
/// Opens real RMCP+ sessions with the IPMI client, all over one shared UDP multiplexer (a few sockets for the
/// whole fleet instead of one per BMC). Module settings map one to one onto the session options.
/// </summary>
public sealed class IpmiSessionFactory : IBmcSessionFactory, IAsyncDisposable
{
    private readonly UdpMultiplexer _transport = new();
    private readonly TimeProvider _time;

    public IpmiSessionFactory(TimeProvider time)
    {
        _time = time;
    }

    /// <inheritdoc />
    public async ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var options = CreateOptions(target, _time);
        var session = await IpmiSession.OpenAsync(options, _transport, cancellationToken).ConfigureAwait(false);
        return new Session(session);
    }

    /// <summary>The client options for <paramref name="target"/>'s module.</summary>
    public static IpmiSessionOptions CreateOptions(ScrapeTarget target, TimeProvider time)
    {
        var module = target.Module;
        return new IpmiSessionOptions
        {
            Host = target.Host,
            Port = target.Port,
            UserName = module.User,
            Password = module.Password,
            Kg = module.Kg,
            Privilege = module.Privilege,
            CipherSuites = module.CipherSuites.Select(s => (byte)s).ToList(),
            AllowCipherSuite0 = module.AllowCipherSuite0,
            RequestTimeout = module.Timeout,
            Retries = module.Retries,
            KeepaliveInterval = module.SessionKeepalive,
            VerifyChecksums = !module.HasWorkaround("nochecksumcheck"),
            Intel20 = module.HasWorkaround("intel20"),
            TimeProvider = time,
        };
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _transport.DisposeAsync();

    private sealed class Session(IpmiSession session) : IBmcSession
    {
        public IIpmiChannel Channel => session;

        public int CipherSuite => session.CipherSuite?.Id ?? 0;

        public SessionCounters? Counters => session.Counters;

        public ValueTask DisposeAsync() => session.DisposeAsync();
    }
}
