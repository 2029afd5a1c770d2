using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Logging;
using Microsoft.Extensions.Logging;

namespace BmcExporter.State;

/// <summary>
/// Per-target state that must survive scrapes and restarts: SEL cursor and SDR cache, kept in memory and
/// written to <c>state_dir</c> (one JSON file per target and kind, replaced atomically). An unreadable
/// file is ignored with a warning (the SDRs are read again; the SEL restarts from its current end).
/// </summary>
public sealed class TargetStateStore
{
    private readonly string? _directory;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SelPosition> _cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SdrCacheEntry> _sdrs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _unvalidated = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>> _reportedSel = new(StringComparer.Ordinal);

    /// <summary>Creates a store persisting to <paramref name="directory"/>; <c>null</c> keeps state in memory only.</summary>
    public TargetStateStore(string? directory, ILogger logger)
    {
        _directory = directory;
        _logger = logger;
        if (directory is not null)
        {
            try
            {
                System.IO.Directory.CreateDirectory(directory);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Log.StateWriteFailed(_logger, directory, ex.Message);
            }
        }
    }

    /// <summary>
    /// Why <paramref name="directory"/> cannot hold state (it cannot be created, or a file cannot be written in it),
    /// or <c>null</c> when it can: checked at start-up so a bad state directory is one clear error, not a warning per
    /// target later.
    /// </summary>
    public static string? CheckDirectory(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        try
        {
            System.IO.Directory.CreateDirectory(directory);
            var probe = Path.Combine(directory, $".write-check-{Environment.ProcessId}");
            File.WriteAllBytes(probe, []);
            File.Delete(probe);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return ex.Message;
        }
    }

    /// <summary>The state directory, or <c>null</c>.</summary>
    public string? Directory => _directory;

    /// <summary>The SEL position of <paramref name="targetKey"/> (from disk on first use), or <c>null</c> before the first read.</summary>
    public SelPosition? GetSelPosition(string targetKey)
    {
        if (_cursors.TryGetValue(targetKey, out var cursor))
        {
            return cursor;
        }

        var stored = Read<SelPosition>(targetKey, "sel");
        if (stored is not null)
        {
            _cursors[targetKey] = stored;
        }

        return stored;
    }

    /// <summary>Stores and persists the SEL position; an unchanged position is not written again (most scrapes read no new entry).</summary>
    public void SetSelPosition(string targetKey, SelPosition cursor)
    {
        if (_cursors.TryGetValue(targetKey, out var current) && current == cursor)
        {
            return;
        }

        _cursors[targetKey] = cursor;
        Write(targetKey, "sel", cursor);
    }

    /// <summary>
    /// Notes that the SEL entry <paramref name="uid"/> of <paramref name="targetKey"/> was handed to the outputs by a
    /// scrape whose cursor is not committed yet; returns <c>true</c> when it had been already (a repeat). In memory
    /// only: after a restart the counters start again anyway.
    /// </summary>
    public bool NoteSelReported(string targetKey, string uid)
    {
        var reported = _reportedSel.GetOrAdd(targetKey, static _ => new HashSet<string>(StringComparer.Ordinal));
        lock (reported)
        {
            return !reported.Add(uid);
        }
    }

    /// <summary>Stores and persists the SEL position after its entries were accepted, and forgets the entries noted as reported.</summary>
    public void CommitSelPosition(string targetKey, SelPosition cursor)
    {
        SetSelPosition(targetKey, cursor);
        _reportedSel.TryRemove(targetKey, out _);
    }

    /// <summary>The cached SDRs of <paramref name="targetKey"/>, or <c>null</c>.</summary>
    public SdrCacheEntry? GetSdrCache(string targetKey)
    {
        if (_sdrs.TryGetValue(targetKey, out var cached))
        {
            return cached;
        }

        var stored = Read<StoredSdr>(targetKey, "sdr");
        if (stored is null)
        {
            return null;
        }

        try
        {
            var walk = SdrWalkState.Restore(
                stored.Info is null ? null : RepositoryInfo.Decode(Convert.FromBase64String(stored.Info), "cached SDR repository info"),
                stored.Records.Select(r => new SdrRawRecord(r.Id, Convert.FromBase64String(r.Bytes), r.Next)),
                stored.NextRecordId,
                stored.Missing.Select(m => new SdrMissingRecord(m.Id, m.Next, m.Reason)),
                stored.StopReason);
            var entry = new SdrCacheEntry(stored.BmcIdentity, walk);
            _sdrs[targetKey] = entry;
            _unvalidated[targetKey] = true;
            return entry;
        }
        catch (Exception ex) when (ex is IpmiProtocolException or FormatException or ArgumentNullException)
        {
            // A corrupted or hand-edited file: the SDRs are read again rather than trusted.
            Log.StateReadFailed(_logger, PathFor(targetKey, "sdr") ?? "(memory)", ex.Message);
            return null;
        }
    }

    /// <summary>Stores the SDR cache and persists it (call again after every walk step: progress must survive a restart).</summary>
    public void SetSdrCache(string targetKey, SdrCacheEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        _sdrs[targetKey] = entry;
        _unvalidated.TryRemove(targetKey, out _);
        var walk = entry.Walk;
        Write(targetKey, "sdr", new StoredSdr(
            entry.BmcIdentity,
            walk.Info is { } info ? Convert.ToBase64String(info.Encode()) : null,
            walk.Records.Select(r => new StoredRecord(r.RecordId, Convert.ToBase64String(r.Bytes.Span), r.NextRecordId)).ToList(),
            walk.Missing.Select(m => new StoredMissing(m.RecordId, m.NextRecordId, m.Reason)).ToList(),
            walk.NextRecordId,
            walk.StopReason));
    }

    /// <summary><c>true</c> while the SDR cache of <paramref name="targetKey"/> came from disk and was not yet checked against the BMC.</summary>
    public bool NeedsValidation(string targetKey) => _unvalidated.ContainsKey(targetKey);

    /// <summary>Notes that the SDR cache loaded from disk was checked (valid or discarded).</summary>
    public void MarkValidated(string targetKey) => _unvalidated.TryRemove(targetKey, out _);

    /// <summary>Forgets a target in memory (files stay, so a target that comes back resumes its SEL).</summary>
    public void Forget(string targetKey)
    {
        _cursors.TryRemove(targetKey, out _);
        _sdrs.TryRemove(targetKey, out _);
        _reportedSel.TryRemove(targetKey, out _);
    }

    /// <summary>The file holding <paramref name="kind"/> state of <paramref name="targetKey"/>.</summary>
    public string? PathFor(string targetKey, string kind)
    {
        if (_directory is null)
        {
            return null;
        }

        var safe = new StringBuilder(targetKey.Length);
        foreach (var c in targetKey)
        {
            safe.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }

        return Path.Combine(_directory, $"{safe}.{kind}.json");
    }

    /// <summary>Reads a state file of <paramref name="kind"/> (also used by the Redfish log cursors); <c>null</c> when absent or unreadable (warned).</summary>
    internal T? Read<T>(string targetKey, string kind)
        where T : class
    {
        var path = PathFor(targetKey, kind);
        if (path is not null && !File.Exists(path) && LegacyAddress(targetKey) is { } address)
        {
            // Before scrape keys carried the module, state was kept per address: resume from it once.
            path = PathFor(address, kind);
        }

        if (path is null || !File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(File.ReadAllText(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or FormatException or NotSupportedException)
        {
            Log.StateReadFailed(_logger, path, ex.Message);
            return null;
        }
    }

    /// <summary>The address part of a scrape key <c>host:port#module</c>, or <c>null</c>.</summary>
    private static string? LegacyAddress(string targetKey)
    {
        var hash = targetKey.LastIndexOf('#');
        return hash > 0 ? targetKey[..hash] : null;
    }

    /// <summary>Replaces a state file of <paramref name="kind"/> atomically (no-op without a state directory).</summary>
    internal void Write<T>(string targetKey, string kind, T value)
    {
        var path = PathFor(targetKey, kind);
        if (path is null)
        {
            return;
        }

        var temp = path + ".tmp";
        try
        {
            File.WriteAllText(temp, JsonSerializer.Serialize(value));
            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Log.StateWriteFailed(_logger, path, ex.Message);
        }
    }

    private sealed record StoredSdr(string BmcIdentity, string? Info, List<StoredRecord> Records, List<StoredMissing> Missing, ushort NextRecordId, string? StopReason);

    private sealed record StoredRecord(ushort Id, string Bytes, ushort Next);

    private sealed record StoredMissing(ushort Id, ushort? Next, string Reason);
}
