using BmcExporter.Sessions;
using BmcExporter.Snapshots;

namespace BmcExporter.Tests.Fakes;

/// <summary>Sessions that never open: every BMC is unreachable, for tests of the web host and endpoints alone.</summary>
internal sealed class UnreachableSessions : IBmcSessionFactory
{
    public ValueTask<IBmcSession> OpenAsync(ScrapeTarget target, CancellationToken cancellationToken) =>
        throw new IOException($"{target.Key} is not reachable in this test");
}
