using System.Buffers.Binary;
using System.Globalization;
using System.IO.Hashing;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Otlp.Delivery;

/// <summary>
/// The bounded, persisted queue of SEL log records waiting for the collector. With a directory, records are
/// appended to <c>logs-GEN.q</c> as <c>[u32 length][u32 CRC-32][payload]</c> and the file is fsynced before
/// <see cref="Append"/> returns, so an appended record survives a crash; the read position is kept in
/// <c>logs.head</c> (replaced atomically after each acknowledgement; losing it re-sends, never loses). A torn or
/// corrupt tail found at start-up is cut off. Only offsets stay in memory; payloads are read back from the file.
/// Beyond <c>max_records</c> or <c>max_bytes</c> the oldest records are dropped and counted. Without a
/// directory the queue lives in memory and does not survive a restart. Thread-safe.
/// </summary>
internal sealed class LogQueue : IDisposable
{
    private const int HeaderLength = 8;
    private const int MaxPayload = 1024 * 1024;
    private const long CompactAfter = 4L * 1024 * 1024;
    private const string HeadFile = "logs.head";

    private readonly string? _directory;
    private readonly long _maxBytes;
    private readonly int _maxRecords;
    private readonly ILogger _logger;
    private readonly Lock _lock = new();
    private readonly LinkedList<Entry> _entries = new();
    private FileStream? _file;
    private long _generation;
    private long _head;
    private long _tail;
    private long _bytes;
    private long _nextSequence;
    private long _dropped;
    private bool _closed;

    /// <summary>Opens (or creates) the queue in <paramref name="directory"/>; <c>null</c> keeps it in memory.</summary>
    public LogQueue(string? directory, long maxBytes, int maxRecords, ILogger logger)
    {
        _directory = directory;
        _maxBytes = maxBytes;
        _maxRecords = maxRecords;
        _logger = logger;
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
            Open();
        }
    }

    /// <summary>A queued record: its sequence number (for <see cref="Acknowledge"/>) and payload.</summary>
    public readonly record struct Record(long Sequence, byte[] Payload);

    /// <summary>Records waiting.</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _entries.Count;
            }
        }
    }

    /// <summary>Payload bytes waiting.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>Records dropped because the queue was full, since start.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Whether records survive a restart.</summary>
    public bool IsPersistent => _directory is not null;

    /// <summary>
    /// Appends <paramref name="payloads"/> and makes them durable (fsync). Throws <see cref="IOException"/> when
    /// they could not be written; then none of them is queued. Returns how many old records were dropped to make room.
    /// </summary>
    public int Append(IReadOnlyList<byte[]> payloads)
    {
        ArgumentNullException.ThrowIfNull(payloads);
        if (payloads.Any(p => p.Length > MaxPayload))
        {
            throw new ArgumentException($"a queued record holds at most {MaxPayload} bytes", nameof(payloads));
        }

        lock (_lock)
        {
            if (_closed)
            {
                throw new IOException("the OTLP log queue is closed");
            }

            if (_file is not null)
            {
                WriteDurably(payloads);
            }

            var offset = _tail;
            foreach (var payload in payloads)
            {
                _entries.AddLast(new Entry(_nextSequence++, offset, payload.Length, _file is null ? payload : null));
                offset += HeaderLength + payload.Length;
                Interlocked.Add(ref _bytes, payload.Length);
            }

            _tail = offset;
            var dropped = 0;
            while (_entries.Count > 0 && (_entries.Count > _maxRecords || Bytes > _maxBytes))
            {
                RemoveFirst();
                dropped++;
            }

            if (dropped > 0)
            {
                Interlocked.Add(ref _dropped, dropped);
                SaveHead();
            }

            return dropped;
        }
    }

    /// <summary>The oldest records, at most <paramref name="maxRecords"/> and about <paramref name="maxBytes"/> (at least one).</summary>
    public IReadOnlyList<Record> Peek(int maxRecords, long maxBytes)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return [];
            }

            var result = new List<Record>(Math.Min(maxRecords, _entries.Count));
            long bytes = 0;
            foreach (var entry in _entries)
            {
                if (result.Count == maxRecords || (result.Count > 0 && bytes + entry.Length > maxBytes))
                {
                    break;
                }

                result.Add(new Record(entry.Sequence, entry.Payload ?? ReadPayload(entry)));
                bytes += entry.Length;
            }

            return result;
        }
    }

    /// <summary>Removes every record up to and including <paramref name="sequence"/> (the collector has it).</summary>
    public void Acknowledge(long sequence)
    {
        lock (_lock)
        {
            if (_closed)
            {
                return;
            }

            var removed = false;
            while (_entries.First is { } first && first.Value.Sequence <= sequence)
            {
                RemoveFirst();
                removed = true;
            }

            if (removed)
            {
                SaveHead();
                CompactIfWorthIt();
            }
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _closed = true;
            _file?.Dispose();
            _file = null;
        }
    }

    private string PathOf(long generation) => Path.Combine(_directory!, string.Create(CultureInfo.InvariantCulture, $"logs-{generation}.q"));

    private void Open()
    {
        var (generation, head) = ReadHead();
        if (!File.Exists(PathOf(generation)) && NewestGeneration() is { } newest)
        {
            // The head names a file that is gone: send the newest one from its start (duplicates, never loss).
            (generation, head) = (newest, 0);
        }

        _generation = generation;
        var path = PathOf(generation);
        _file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
        foreach (var stale in Directory.EnumerateFiles(_directory!, "logs-*.q").Where(p => p != path))
        {
            File.Delete(stale);
        }

        _head = Math.Min(head, _file.Length);
        _tail = Scan(_head);
        if (_tail < _file.Length)
        {
            OtlpLog.QueueProblem(_logger, path, $"cut {_file.Length - _tail} bytes of a torn or corrupt tail");
            _file.SetLength(_tail);
            _file.Flush(flushToDisk: true);
        }

        if (_entries.Count > 0)
        {
            OtlpLog.QueueRecovered(_logger, path, _entries.Count);
        }
    }

    /// <summary>Indexes the records from <paramref name="offset"/>; returns where the valid records end.</summary>
    private long Scan(long offset)
    {
        var header = new byte[HeaderLength];
        var length = _file!.Length;
        while (length - offset >= HeaderLength)
        {
            RandomAccess.Read(_file.SafeFileHandle, header, offset);
            var size = BinaryPrimitives.ReadInt32LittleEndian(header);
            var crc = BinaryPrimitives.ReadUInt32LittleEndian(header.AsSpan(4));
            if (size < 0 || size > MaxPayload || size > length - offset - HeaderLength)
            {
                break;
            }

            var payload = new byte[size];
            RandomAccess.Read(_file.SafeFileHandle, payload, offset + HeaderLength);
            if (Crc32.HashToUInt32(payload) != crc)
            {
                break;
            }

            _entries.AddLast(new Entry(_nextSequence++, offset, size, null));
            _bytes += size;
            offset += HeaderLength + size;
        }

        return offset;
    }

    private void WriteDurably(IReadOnlyList<byte[]> payloads)
    {
        var total = payloads.Sum(p => HeaderLength + p.Length);
        var buffer = new byte[total];
        var at = 0;
        foreach (var payload in payloads)
        {
            BinaryPrimitives.WriteInt32LittleEndian(buffer.AsSpan(at), payload.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(buffer.AsSpan(at + 4), Crc32.HashToUInt32(payload));
            payload.CopyTo(buffer.AsSpan(at + HeaderLength));
            at += HeaderLength + payload.Length;
        }

        try
        {
            RandomAccess.Write(_file!.SafeFileHandle, buffer, _tail);
            _file.Flush(flushToDisk: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Leave no half-written record behind for the next start-up to stumble on.
            try
            {
                _file!.SetLength(_tail);
            }
            catch (IOException)
            {
                // The scan at start-up cuts a torn tail anyway.
            }

            throw new IOException($"cannot append to the OTLP log queue: {ex.Message}", ex);
        }
    }

    private byte[] ReadPayload(Entry entry)
    {
        var payload = new byte[entry.Length];
        RandomAccess.Read(_file!.SafeFileHandle, payload, entry.Offset + HeaderLength);
        return payload;
    }

    private void RemoveFirst()
    {
        var first = _entries.First!.Value;
        _entries.RemoveFirst();
        Interlocked.Add(ref _bytes, -first.Length);
        _head = first.Offset + HeaderLength + first.Length;
    }

    /// <summary>Starts a new generation with the records still waiting once the consumed prefix is large (or everything was sent).</summary>
    private void CompactIfWorthIt()
    {
        if (_file is null || _head == 0 || (_entries.Count > 0 && (_head < CompactAfter || _head < _tail / 2)))
        {
            return;
        }

        try
        {
            var next = _generation + 1;
            var nextPath = PathOf(next);
            var remaining = _tail - _head;
            var copy = new byte[remaining];
            RandomAccess.Read(_file.SafeFileHandle, copy, _head);
            var file = new FileStream(nextPath, FileMode.Create, FileAccess.ReadWrite, FileShare.Read, 1, FileOptions.None);
            file.Write(copy);
            file.Flush(flushToDisk: true);
            if (!SaveHead(next, 0))
            {
                // The head still names the old file: keep using it.
                file.Dispose();
                File.Delete(nextPath);
                return;
            }

            var oldPath = PathOf(_generation);
            var shift = _head;
            _generation = next;
            _head = 0;
            _tail = remaining;
            _file.Dispose();
            _file = file;
            File.Delete(oldPath);
            for (var node = _entries.First; node is not null; node = node.Next)
            {
                node.Value = node.Value with { Offset = node.Value.Offset - shift };
            }
        }
        catch (IOException ex)
        {
            OtlpLog.QueueProblem(_logger, PathOf(_generation), $"compaction failed: {ex.Message}");
        }
    }

    private (long Generation, long Head) ReadHead()
    {
        var path = Path.Combine(_directory!, HeadFile);
        try
        {
            if (File.Exists(path))
            {
                var bytes = File.ReadAllBytes(path);
                if (bytes.Length == 20 && Crc32.HashToUInt32(bytes.AsSpan(0, 16)) == BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(16)))
                {
                    return (BinaryPrimitives.ReadInt64LittleEndian(bytes), BinaryPrimitives.ReadInt64LittleEndian(bytes.AsSpan(8)));
                }

                OtlpLog.QueueProblem(_logger, path, "unreadable; sending the queue from its start");
            }
        }
        catch (IOException ex)
        {
            OtlpLog.QueueProblem(_logger, path, ex.Message);
        }

        // No head: take the newest queue file from its start (duplicates at worst, never loss).
        return (NewestGeneration() ?? 0, 0);
    }

    private long? NewestGeneration()
    {
        long? newest = null;
        foreach (var path in Directory.EnumerateFiles(_directory!, "logs-*.q"))
        {
            if (long.TryParse(Path.GetFileNameWithoutExtension(path)["logs-".Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g > (newest ?? -1))
            {
                newest = g;
            }
        }

        return newest;
    }

    private void SaveHead() => SaveHead(_generation, _head);

    private bool SaveHead(long generation, long head)
    {
        if (_directory is null)
        {
            return true;
        }

        var bytes = new byte[20];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, generation);
        BinaryPrimitives.WriteInt64LittleEndian(bytes.AsSpan(8), head);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(16), Crc32.HashToUInt32(bytes.AsSpan(0, 16)));
        var path = Path.Combine(_directory, HeadFile);
        try
        {
            File.WriteAllBytes(path + ".tmp", bytes);
            File.Move(path + ".tmp", path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            OtlpLog.QueueProblem(_logger, path, $"cannot save the read position ({ex.Message}); records may be sent again after a restart");
            return false;
        }
    }

    private sealed record Entry(long Sequence, long Offset, int Length, byte[]? Payload);
}
