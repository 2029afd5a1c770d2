using System.Collections.Concurrent;

namespace BmcExporter.Engine;

public sealed partial class ScrapeCoordinator
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _lastRequested = new(StringComparer.Ordinal);

    private void NoteRequested(string targetKey) => _lastRequested[targetKey] = _time.GetUtcNow();

    /// <summary>
    /// Forgets targets nobody has asked for within <paramref name="idle"/> and that <paramref name="keep"/> does
    /// not claim (the background schedule): an on-demand target Prometheus stopped scraping must not hold a BMC
    /// session slot, keepalives and memory forever. Returns the keys forgotten.
    /// </summary>
    public async Task<IReadOnlyList<string>> EvictIdleAsync(Func<string, bool> keep, TimeSpan idle)
    {
        ArgumentNullException.ThrowIfNull(keep);
        var cutoff = _time.GetUtcNow() - idle;
        var evicted = new List<string>();
        foreach (var (key, last) in _lastRequested)
        {
            if (last > cutoff || keep(key) || _flights.ContainsKey(key))
            {
                continue;
            }

            // Only forget when nobody asked again since we looked.
            if (_lastRequested.TryRemove(new KeyValuePair<string, DateTimeOffset>(key, last)))
            {
                await ForgetAsync(key).ConfigureAwait(false);
                evicted.Add(key);
            }
        }

        return evicted;
    }
}
