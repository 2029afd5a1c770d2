using BmcExporter.Collectors;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Cli;

/// <summary>
/// Audits one BMC with the exporter's own code: a session opened by <see cref="IpmiSessionFactory"/> as for a scrape,
/// then the <see cref="SecurityCollector"/> run once over it, so the report and the <c>ipmi_security_*</c> metrics
/// come from the same checks. <see cref="AuditRules"/> turns the reading into findings.
/// </summary>
internal sealed class BmcAuditor : IAsyncDisposable
{
    private readonly IpmiSessionFactory _sessions;
    private readonly SecurityCollector _collector = new();
    private readonly TargetStateStore _state = new(null, NullLogger.Instance);
    private readonly TimeProvider _time;

    public BmcAuditor(TimeProvider time)
    {
        _time = time;
        _sessions = new IpmiSessionFactory(time);
    }

    /// <summary>Audits <paramref name="target"/>; a session that does not open is a finding, not an exception.</summary>
    public async Task<BmcAuditReport> AuditAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        IBmcSession session;
        try
        {
            session = await _sessions.OpenAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            var id = ErrorClassifier.IsAuthentication(ex) ? "login_failed" : "unreachable";
            return NotReached(target, AuditRules.NotReached(id, ErrorClassifier.DescribeSessionFailure(ex)));
        }

        await using (session.ConfigureAwait(false))
        {
            var builder = new SnapshotBuilder(target.Address, target.Module.Name, target.Labels, ["security"], _time);
            var context = new CollectContext
            {
                Target = target,
                Channel = session.Channel,
                Builder = builder,
                State = _state,
                Stats = new TargetStats(),
                Time = _time,
                Logger = NullLogger.Instance,
            };
            try
            {
                await _collector.CollectAsync(context, cancellationToken).ConfigureAwait(false);
            }
            catch (CollectorPartialException)
            {
                // The sample names each check that failed in Problems; AuditRules reports them as findings.
            }

            var sample = builder.Build("audit").Security
                ?? throw new InvalidOperationException("the security collector wrote no reading");
            var (checks, findings) = AuditRules.Evaluate(sample);
            return new BmcAuditReport
            {
                Target = target.Address,
                Module = target.Module.Name,
                Reached = true,
                Checks = [new AuditCheck("session", "RMCP+ session opened as for a scrape (Open Session, RAKP 1-4)", $"opened with cipher suite {session.CipherSuite}"), .. checks],
                Findings = findings,
            };
        }
    }

    /// <summary>The report of a BMC the audit could not read.</summary>
    public static BmcAuditReport NotReached(ScrapeTarget target, AuditFinding finding) => new()
    {
        Target = target.Address,
        Module = target.Module.Name,
        Reached = false,
        Checks = [new AuditCheck("session", "RMCP+ session opened as for a scrape (Open Session, RAKP 1-4)", finding.Summary)],
        Findings = [finding],
    };

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _sessions.DisposeAsync();
}
