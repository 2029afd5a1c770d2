using System.Collections.Concurrent;
using BmcExporter.Config;
using BmcExporter.Logging;
using BmcExporter.Redfish;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Sessions;

/// <summary>
/// One <see cref="RedfishSession"/> per target and module, kept across scrapes like <see cref="SessionPool"/> keeps
/// RMCP+ sessions: it holds the X-Auth-Token, the keep-alive connections and the resource cache (ETags, static
/// resources). Creating one sends nothing; the client logs in on first use and re-logs on 401 by itself. A session is
/// rebuilt when the module changes, and disposed (logged out) when its target leaves and at shutdown.
/// </summary>
public sealed class RedfishSessionPool : IAsyncDisposable
{
    private readonly TargetStatsRegistry _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, Entry> _sessions = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    public RedfishSessionPool(TargetStatsRegistry stats, TimeProvider time, ILogger logger)
    {
        _stats = stats;
        _time = time;
        _logger = logger;
    }

    /// <summary>Number of sessions held.</summary>
    public int Count => _sessions.Count;

    /// <summary>
    /// The reader of <paramref name="target"/>'s session, created when needed. Throws <see cref="ArgumentException"/>
    /// or <see cref="IOException"/> when the module's Redfish settings cannot make a session (CA file unreadable).
    /// </summary>
    public async ValueTask<RedfishReader> GetAsync(ScrapeTarget target)
    {
        if (_sessions.TryGetValue(target.Key, out var entry))
        {
            if (ReferenceEquals(entry.Module, target.Module) || entry.Module == target.Module)
            {
                return entry.Reader;
            }

            await DropAsync(target.Key, "module configuration changed").ConfigureAwait(false);
        }

        var options = CreateOptions(target, _time);
        lock (_lock)
        {
            if (_sessions.TryGetValue(target.Key, out entry) && entry.Module == target.Module)
            {
                return entry.Reader;
            }

            var session = RedfishSession.Create(options);
            entry = new Entry(new RedfishReader(session), target.Module);
            _sessions[target.Key] = entry;
        }

        _stats.For(target.Key).RecordSessionOpened();
        Log.RedfishSessionCreated(_logger, target.Key, options.ToString());
        return entry.Reader;
    }

    /// <summary>The session of <paramref name="targetKey"/>, or <c>null</c>.</summary>
    public RedfishSession? Find(string targetKey) => _sessions.TryGetValue(targetKey, out var entry) ? entry.Reader.Session : null;

    /// <summary>Logs out and forgets the session of a target that left the fleet.</summary>
    public ValueTask RemoveAsync(string targetKey) => DropAsync(targetKey, "target removed");

    /// <summary>The client options for <paramref name="target"/>'s module: the module's account and its <c>redfish:</c> block.</summary>
    public static RedfishClientOptions CreateOptions(ScrapeTarget target, TimeProvider time)
    {
        var module = target.Module;
        var redfish = module.Redfish;
        var port = redfish.PortFor(module.Protocol, target.Port);
        var host = target.Host.Contains(':', StringComparison.Ordinal) ? $"[{target.Host}]" : target.Host;
        return new RedfishClientOptions
        {
            BaseUri = new Uri($"https://{host}:{port}"),
            UserName = module.User,
            Password = RedfishSecret.FromString(module.Password.RevealString()),
            AuthMode = redfish.Auth,
            CaFile = redfish.CaFile,
            Insecure = redfish.InsecureSkipVerify,
            MaxRequestsInFlight = redfish.MaxInFlight,
            UseExpand = redfish.Expand,
            TimeProvider = time,
        };
    }

    /// <inheritdoc />
    /// <remarks>Sessions log out in parallel within <see cref="SessionPool.ShutdownBudget"/>.</remarks>
    public async ValueTask DisposeAsync()
    {
        var closing = _sessions.Keys.ToList().Select(key => DropAsync(key, "shutdown").AsTask()).ToArray();
        try
        {
            await Task.WhenAll(closing).WaitAsync(SessionPool.ShutdownBudget).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.RedfishSessionsAbandoned(_logger, closing.Count(t => !t.IsCompleted), SessionPool.ShutdownBudget.TotalSeconds);
        }
    }

    private async ValueTask DropAsync(string targetKey, string reason)
    {
        if (!_sessions.TryRemove(targetKey, out var entry))
        {
            return;
        }

        try
        {
            // Logout is best effort (one request timeout at most): the session is gone either way.
            await entry.Reader.Session.DisposeAsync().ConfigureAwait(false);
            Log.RedfishSessionClosed(_logger, targetKey, reason);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            Log.RedfishSessionClosed(_logger, targetKey, $"{reason}; logout failed: {ex.Message}");
        }
    }

    private sealed record Entry(RedfishReader Reader, ModuleConfig Module);
}
