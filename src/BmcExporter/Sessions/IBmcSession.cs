using BmcExporter.Snapshots;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;

namespace BmcExporter.Sessions;

/// <summary>An open RMCP+ session to one BMC, as the collectors see it.</summary>
public interface IBmcSession : IAsyncDisposable
{
    /// <summary>Carries commands over the session.</summary>
    IIpmiChannel Channel { get; }

    /// <summary>The cipher suite negotiated.</summary>
    int CipherSuite { get; }

    /// <summary>Transmission counters of the session (retransmissions, timeouts, round trip); <c>null</c> when not known.</summary>
    SessionCounters? Counters => null;
}

/// <summary>Opens sessions; the real one uses the IPMI client, tests use fakes.</summary>
public interface IBmcSessionFactory
{
    /// <summary>Opens a session to <paramref name="target"/> with its module's credentials and cipher suites.</summary>
    ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken);
}
