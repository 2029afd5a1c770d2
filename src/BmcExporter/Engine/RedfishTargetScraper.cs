using System.Security.Cryptography;
using BmcExporter.Collectors;
using BmcExporter.Collectors.Redfish;
using BmcExporter.Config;
using BmcExporter.Logging;
using BmcExporter.Redfish;
using BmcExporter.Redfish.Errors;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Engine;

/// <summary>
/// Scrapes one target over Redfish with its pooled session: each enabled collector in turn, a failed collector never
/// stopping the next. Readings and inventory are read once per scrape and shared. When the service cannot be
/// reached or refuses the account (connection, TLS, credentials), the remaining collectors fail with that same cause
/// instead of trying again, as an IPMI session failure does. No retry loop here: the client already waits out 503
/// Retry-After (bounded) and re-logs once on 401.
/// </summary>
public sealed class RedfishTargetScraper : ITargetScraper
{
    /// <summary>How long the <c>protocol: auto</c> probe waits for the service root (within the scrape's deadline).</summary>
    public static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(5);

    private readonly RedfishSessionPool _sessions;
    private readonly Dictionary<CollectorKind, IRedfishCollector> _collectors;
    private readonly RedfishLogCursors _cursors;
    private readonly TargetStatsRegistry _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public RedfishTargetScraper(
        RedfishSessionPool sessions,
        IEnumerable<IRedfishCollector> collectors,
        RedfishLogCursors cursors,
        TargetStatsRegistry stats,
        TimeProvider time,
        ILogger logger)
    {
        _sessions = sessions;
        _collectors = collectors.ToDictionary(c => c.Kind);
        _cursors = cursors;
        _stats = stats;
        _time = time;
        _logger = logger;
    }

    /// <inheritdoc />
    public Task ScrapeAsync(ScrapeTarget target, SnapshotBuilder builder, CancellationToken cancellationToken) =>
        ScrapeAndReportAsync(target, builder, cancellationToken);

    /// <summary>Scrapes <paramref name="target"/>; <c>false</c> when the service could not be reached (connection, TLS, timeout).</summary>
    public async Task<bool> ScrapeAndReportAsync(ScrapeTarget target, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(builder);
        var stats = _stats.For(target.Key);
        string? sessionFailure = null;
        RedfishReader? reader = null;
        try
        {
            reader = await _sessions.GetAsync(target).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ArgumentException or IOException or UnauthorizedAccessException or CryptographicException)
        {
            sessionFailure = $"no session: {ex.Message}";
        }

        var data = reader is null ? null : new RedfishScrapeData(reader, cancellationToken);
        var getsBefore = reader?.Session.Statistics.Gets ?? 0;
        try
        {
            return await RunCollectorsAsync(target, builder, reader, data, sessionFailure, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            if (reader is not null)
            {
                stats.RecordRedfishGets(reader.Session.Statistics.Gets - getsBefore);
            }
        }
    }

    private async Task<bool> RunCollectorsAsync(ScrapeTarget target, SnapshotBuilder builder, RedfishReader? reader, RedfishScrapeData? data, string? sessionFailure, CancellationToken cancellationToken)
    {
        var stats = _stats.For(target.Key);
        var reachable = true;
        foreach (var kind in target.Module.Collectors)
        {
            var name = CollectorLabels.Of(kind);
            var started = _time.GetTimestamp();
            if (!_collectors.TryGetValue(kind, out var collector))
            {
                builder.Complete(name, false, $"collector '{name}' is not served over Redfish", TimeSpan.Zero);
                continue;
            }

            if (sessionFailure is not null || reader is null || data is null)
            {
                builder.Complete(name, false, sessionFailure ?? "no session", TimeSpan.Zero);
                continue;
            }

            try
            {
                var context = new RedfishCollectContext
                {
                    Target = target,
                    Reader = reader,
                    Data = data,
                    Builder = builder,
                    Cursors = _cursors,
                    Time = _time,
                    Logger = _logger,
                };
                await collector.CollectAsync(context, cancellationToken).ConfigureAwait(false);
                builder.NoteAnswer();
                builder.Complete(name, true, null, _time.GetElapsedTime(started));
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (CollectorUnsupportedException ex)
            {
                // The service offers nothing this collector reads (dcmi without any system power): as over IPMI.
                builder.NoteAnswer();
                builder.CompleteUnsupported(name, ex.Message, _time.GetElapsedTime(started));
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var reason = Describe(ex);
                if (ex is RedfishHttpException or RedfishProtocolException)
                {
                    builder.NoteAnswer();
                }

                if (IsSessionFailure(ex))
                {
                    sessionFailure = reason;
                    reachable = ex is not (RedfishConnectionException or RedfishTlsException or RedfishTimeoutException);
                    if (ex is RedfishAuthenticationException)
                    {
                        stats.RecordAuthenticationFailure();
                    }
                }

                builder.Complete(name, false, reason, _time.GetElapsedTime(started));
                Log.CollectorFailed(_logger, name, target.Key, reason);
            }
        }

        return reachable;
    }

    /// <summary>
    /// <c>protocol: auto</c>: whether <paramref name="target"/>'s Redfish service root answers over its session (the
    /// session is kept for the scrapes when it does). A refusal of the account still means Redfish is there.
    /// </summary>
    public async Task<(bool Present, string Reason)> ProbeAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        using var probe = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        probe.CancelAfter(ProbeTimeout);
        try
        {
            var reader = await _sessions.GetAsync(target).ConfigureAwait(false);
            await reader.Session.GetJsonAsync(RedfishSession.ServiceRootPath, probe.Token).ConfigureAwait(false);
            return (true, "its Redfish service root answered");
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (RedfishHttpException ex) when (ex.StatusCode is not System.Net.HttpStatusCode.NotFound)
        {
            return (true, $"its Redfish service answered: {ex.Message}");
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await _sessions.RemoveAsync(target.Key).ConfigureAwait(false);
            return (false, ex is OperationCanceledException ? $"no Redfish answer within {ProbeTimeout.TotalSeconds}s" : $"no Redfish service: {Describe(ex)}");
        }
    }

    /// <inheritdoc />
    public async ValueTask ForgetAsync(string targetKey)
    {
        _cursors.Forget(targetKey);
        await _sessions.RemoveAsync(targetKey).ConfigureAwait(false);
    }

    /// <summary>Account refused, certificate refused, or nothing reachable: every further collector would meet the same.</summary>
    private static bool IsSessionFailure(Exception ex) =>
        ex is RedfishAuthenticationException or RedfishTlsException or RedfishConnectionException;

    /// <summary>A one-line, secret-free description led by the cause an operator acts on (the IPMI side's cause words).</summary>
    private static string Describe(Exception ex) => ex switch
    {
        RedfishAuthenticationException => ErrorClassifier.AuthenticationCause + ex.Message,
        RedfishTlsException => $"TLS: {ex.Message}",
        RedfishConnectionException => ErrorClassifier.UnreachableCause + ex.Message,
        RedfishTimeoutException => ErrorClassifier.NoAnswerCause + ex.Message,
        RedfishProtocolException => $"malformed reply: {ex.Message}",
        _ => ex.Message,
    };
}
