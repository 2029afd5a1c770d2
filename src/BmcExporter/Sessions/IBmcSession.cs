using BmcExporter.Snapshots;
using BmcExporter.Ipmi;

namespace BmcExporter.Sessions;

/// <summary>An open RMCP+ session to one BMC, as the collectors see it.</summary>
public interface IBmcSession : IAsyncDisposable
{
    /// <summary>Carries commands over the session.</summary>
    IIpmiChannel Channel { get; }

    /// <summary>The cipher suite negotiated.</summary>
    int CipherSuite { get; }
}

/// <summary>Opens sessions; the real one uses the IPMI client, tests use fakes.</summary>
public interface IBmcSessionFactory
{
    /// <summary>Opens a session to <paramref name="target"/> with its module's credentials and cipher suites.</summary>
    ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken);
}
