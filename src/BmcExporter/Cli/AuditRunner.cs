using System.Globalization;
using BmcExporter.Snapshots;

namespace BmcExporter.Cli;

/// <summary>
/// Audits many BMCs: at most <c>parallel</c> at a time, each under its own deadline, reports in the order of the
/// targets. A BMC that runs out of time is reported as such; the caller's cancellation stops the whole run.
/// </summary>
internal static class AuditRunner
{
    /// <summary>Runs <paramref name="audit"/> for every target.</summary>
    public static async Task<IReadOnlyList<BmcAuditReport>> RunAsync(
        IReadOnlyList<ScrapeTarget> targets,
        Func<ScrapeTarget, CancellationToken, Task<BmcAuditReport>> audit,
        int parallel,
        TimeSpan deadline,
        TimeProvider time,
        CancellationToken cancellationToken)
    {
        var reports = new BmcAuditReport[targets.Count];
        var options = new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count), options, async (index, ct) =>
        {
            var target = targets[index];
            using var timeout = new CancellationTokenSource(deadline, time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
            try
            {
                reports[index] = await audit(target, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                reports[index] = BmcAuditor.NotReached(target, AuditRules.NotReached(
                    "deadline_exceeded", $"deadline of {deadline.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture)}s (--deadline)"));
            }
        }).ConfigureAwait(false);
        return reports;
    }
}
