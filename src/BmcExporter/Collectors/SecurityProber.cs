using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Security;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Session;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>The security checks that need their own handshake with the BMC (outside the target's session).</summary>
public interface ISecurityProber
{
    /// <summary>Pre-session Get Channel Authentication Capabilities at each of <paramref name="levels"/>.</summary>
    ValueTask<IReadOnlyList<ChannelAuthCapabilities>> AuthCapabilitiesAsync(ScrapeTarget target, IReadOnlyList<PrivilegeLevel> levels, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>A cipher suite 0 session setup for the module's user, closed at once when it succeeds.</summary>
    ValueTask<CipherSuiteZeroProbe> CipherSuiteZeroAsync(ScrapeTarget target, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>The BMC's RAKP 2 answer for <paramref name="user"/>, the handshake then rejected.</summary>
    ValueTask<Rakp2Capture> CaptureRakp2Async(ScrapeTarget target, CipherSuite suite, string user, TimeProvider time, CancellationToken cancellationToken);
}

/// <summary>
/// The real prober: the module's session settings (timeout, retries, privilege, checksum quirk) over one short-lived
/// UDP socket per probe, so a probe never disturbs the target's pooled session.
/// </summary>
public sealed class IpmiSecurityProber : ISecurityProber
{
    /// <inheritdoc />
    public ValueTask<IReadOnlyList<ChannelAuthCapabilities>> AuthCapabilitiesAsync(ScrapeTarget target, IReadOnlyList<PrivilegeLevel> levels, TimeProvider time, CancellationToken cancellationToken) =>
        IpmiSession.ProbeAuthCapabilitiesAsync(Options(target, time), UdpSocketTransportFactory.Instance, levels, cancellationToken);

    /// <inheritdoc />
    public ValueTask<CipherSuiteZeroProbe> CipherSuiteZeroAsync(ScrapeTarget target, TimeProvider time, CancellationToken cancellationToken) =>
        IpmiSession.ProbeCipherSuiteZeroAsync(Options(target, time), UdpSocketTransportFactory.Instance, cancellationToken);

    /// <inheritdoc />
    public ValueTask<Rakp2Capture> CaptureRakp2Async(ScrapeTarget target, CipherSuite suite, string user, TimeProvider time, CancellationToken cancellationToken) =>
        IpmiSession.CaptureRakp2Async(Options(target, time), UdpSocketTransportFactory.Instance, suite, user, cancellationToken);

    private static IpmiSessionOptions Options(ScrapeTarget target, TimeProvider time) => IpmiSessionFactory.CreateOptions(target, time);
}
