using System.Collections.Concurrent;
using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish.Http;

/// <summary>
/// Parsed resources by request path (query included) with their ETag and fetch time. Bounded: past
/// <see cref="MaxEntries"/> it starts over, so a BMC with an endless resource tree cannot grow memory.
/// </summary>
internal sealed class ResourceCache
{
    public const int MaxEntries = 2048;

    private readonly ConcurrentDictionary<string, CachedResource> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string path, out CachedResource entry) => _entries.TryGetValue(path, out entry!);

    public void Store(string path, CachedResource entry)
    {
        if (_entries.Count >= MaxEntries && !_entries.ContainsKey(path))
        {
            _entries.Clear();
        }

        _entries[path] = entry;
    }

    public void Remove(string path) => _entries.TryRemove(path, out _);

    public int Count => _entries.Count;
}

/// <summary>One cached resource.</summary>
internal sealed record CachedResource(JsonView View, string? ETag, DateTimeOffset FetchedAt);
