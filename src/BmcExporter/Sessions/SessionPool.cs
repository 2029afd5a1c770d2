using System.Collections.Concurrent;
using BmcExporter.Config;
using BmcExporter.Snapshots;
using BmcExporter.Ipmi.Client;
using BmcExporter.Logging;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Sessions;

/// <summary>
/// One open session per target, kept across scrapes. A session is re-opened when it was found lost or when
/// the target's module changed (new credentials). The engine guarantees one scrape per target at a time,
/// so a target's entry is never used concurrently.
/// </summary>
public sealed class SessionPool : IAsyncDisposable
{
    private readonly IBmcSessionFactory _factory;
    private readonly TargetStatsRegistry _stats;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);

    public SessionPool(IBmcSessionFactory factory, TargetStatsRegistry stats, ILogger logger)
    {
        _factory = factory;
        _stats = stats;
        _logger = logger;
    }

    /// <summary>Number of open sessions.</summary>
    public int Count => _sessions.Count;

    /// <summary>The open session of <paramref name="target"/>, opening one if needed.</summary>
    public async ValueTask<IBmcSession> GetAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        if (_sessions.TryGetValue(target.Key, out var entry))
        {
            if (ReferenceEquals(entry.Module, target.Module) || entry.Module == target.Module)
            {
                return entry.Session;
            }

            await DropAsync(target.Key, "module configuration changed", lost: false).ConfigureAwait(false);
        }

        var session = await _factory.OpenAsync(target, cancellationToken).ConfigureAwait(false);
        _sessions[target.Key] = new Entry(session, target.Module);
        _stats.For(target.Key).RecordSessionOpened();
        Log.SessionOpened(_logger, target.Key, session.CipherSuite);
        return session;
    }

    /// <summary>The transmission counters of the open session of <paramref name="targetKey"/>, or <c>null</c>.</summary>
    public SessionCounters? CountersOf(string targetKey) =>
        _sessions.TryGetValue(targetKey, out var entry) ? entry.Session.Counters : null;

    /// <summary>Drops a session found lost; the next scrape opens a new one.</summary>
    public ValueTask InvalidateAsync(string targetKey, string reason) => DropAsync(targetKey, reason, lost: true);

    /// <summary>Closes the session of a target that left the fleet.</summary>
    public ValueTask RemoveAsync(string targetKey) => DropAsync(targetKey, "target removed", lost: false);

    /// <summary>How long shutdown waits for Close Session answers; BMCs that are gone are not waited for longer.</summary>
    public static readonly TimeSpan ShutdownBudget = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    /// <remarks>Sessions are closed in parallel within <see cref="ShutdownBudget"/>: a fleet of dead BMCs must not hold up a restart.</remarks>
    public async ValueTask DisposeAsync()
    {
        var closing = _sessions.Keys.ToList().Select(key => DropAsync(key, "shutdown", lost: false).AsTask()).ToArray();
        try
        {
            await Task.WhenAll(closing).WaitAsync(ShutdownBudget).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.SessionsAbandoned(_logger, closing.Count(t => !t.IsCompleted), ShutdownBudget.TotalSeconds);
        }
    }

    private async ValueTask DropAsync(string targetKey, string reason, bool lost)
    {
        if (!_sessions.TryRemove(targetKey, out var entry))
        {
            return;
        }

        if (lost)
        {
            _stats.For(targetKey).RecordSessionLost();
            Log.SessionLost(_logger, targetKey, reason);
        }

        try
        {
            await entry.Session.DisposeAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Close Session on a dead BMC fails; the session is gone either way.
            Log.SessionLost(_logger, targetKey, $"close failed: {ex.Message}");
        }
    }

    private sealed record Entry(IBmcSession Session, ModuleConfig Module);
}
