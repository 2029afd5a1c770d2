using System.Buffers.Binary;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>One verified SDR as read: its bytes (header record ID equal to <see cref="RecordId"/>) and the next record ID the BMC gave with it.</summary>
public readonly record struct SdrRawRecord(ushort RecordId, ReadOnlyMemory<byte> Bytes, ushort NextRecordId);

/// <summary>A record on the chain that could not be read yet (its next record ID known from its header, or null).</summary>
public readonly record struct SdrMissingRecord(ushort RecordId, ushort? NextRecordId, string Reason);

/// <summary>
/// Progress of an SDR walk, owned by the caller and passed back in on the next call to
/// <see cref="SdrRepositoryReader.ResumeAsync"/>, so a walk cut short by a deadline or an error loses nothing:
/// verified records as raw bytes, the records still missing, the next record ID of the chain, and the
/// repository info (addition/erase timestamps, count) it started under. Only a changed repository restarts it.
/// <see cref="Complete"/> means the chain was followed to its end and nothing is missing. Every member can be
/// persisted and given back to <see cref="Restore"/>; not safe for concurrent use.
/// </summary>
public sealed class SdrWalkState
{
    private readonly List<SdrRawRecord> _records = [];
    private readonly Dictionary<ushort, int> _index = [];
    private readonly List<SdrMissingRecord> _missing = [];

    /// <summary>The repository info the walk started under (Device SDRs: count only, timestamps 0); null before the first call.</summary>
    public RepositoryInfo? Info { get; private set; }

    /// <summary>Verified records in chain order.</summary>
    public IReadOnlyList<SdrRawRecord> Records => _records;

    /// <summary>Records the chain passed but could not read; the next call retries exactly these.</summary>
    public IReadOnlyList<SdrMissingRecord> Missing => _missing;

    /// <summary>The next record of the chain to read (0x0000 = start, 0xFFFF = the chain end was reached).</summary>
    public ushort NextRecordId { get; private set; } = GetRecordRequest.First;

    /// <summary>The chain was followed to its end and no record is missing.</summary>
    public bool Complete => NextRecordId == GetRecordRequest.Last && _missing.Count == 0;

    /// <summary>Why the chain ended other than at 0xFFFF (loop, cap, 0xC3 on the last record), or why the last call stopped.</summary>
    public string? StopReason { get; internal set; }

    /// <summary>
    /// Rebuilds a persisted state. Every record must be well formed (decodes, length byte matches its bytes,
    /// header ID equals its record ID) and IDs unique; otherwise <see cref="IpmiProtocolException"/>.
    /// </summary>
    public static SdrWalkState Restore(
        RepositoryInfo? info, IEnumerable<SdrRawRecord> records, ushort nextRecordId, IEnumerable<SdrMissingRecord> missing, string? stopReason = null)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(missing);
        var state = new SdrWalkState { Info = info, NextRecordId = nextRecordId, StopReason = stopReason };
        foreach (var record in records)
        {
            Verify(record.RecordId, record.Bytes.Span);
            if (!state.TryAdd(record))
            {
                throw new IpmiProtocolException($"SDR record 0x{record.RecordId:X4} appears twice.");
            }
        }

        foreach (var m in missing)
        {
            if (state._index.ContainsKey(m.RecordId) || state._missing.Exists(x => x.RecordId == m.RecordId))
            {
                throw new IpmiProtocolException($"SDR record 0x{m.RecordId:X4} is both read and missing, or missing twice.");
            }

            state._missing.Add(m);
        }

        return state;
    }

    /// <summary>
    /// Checks one record's bytes: the length byte matches the byte count, the header's record ID equals
    /// <paramref name="recordId"/>, and it decodes. Throws <see cref="IpmiProtocolException"/> otherwise.
    /// </summary>
    public static SdrRecord Verify(ushort recordId, ReadOnlySpan<byte> bytes)
    {
        var header = SdrRecordHeader.Decode(bytes);
        if (header.TotalLength != bytes.Length)
        {
            throw new IpmiProtocolException($"SDR record 0x{recordId:X4}: header says {header.TotalLength} bytes, {bytes.Length} held.");
        }

        if (header.RecordId != recordId)
        {
            throw new IpmiProtocolException($"SDR record 0x{recordId:X4}: its header names record 0x{header.RecordId:X4}.");
        }

        return SdrDecoder.Decode(bytes);
    }

    /// <summary>True when the record (read or missing) is already known: the chain came back to it.</summary>
    public bool Knows(ushort recordId) => _index.ContainsKey(recordId) || _missing.Exists(m => m.RecordId == recordId);

    /// <summary>Decodes every record (they were verified when added).</summary>
    public List<SdrRecord> DecodeRecords() => _records.Select(r => SdrDecoder.Decode(r.Bytes.Span)).ToList();

    /// <summary>Forgets everything: the repository changed (new addition or erase timestamp).</summary>
    internal void Reset(RepositoryInfo info)
    {
        Info = info;
        _records.Clear();
        _index.Clear();
        _missing.Clear();
        NextRecordId = GetRecordRequest.First;
        StopReason = null;
    }

    /// <summary>Moves the chain's frontier (0xFFFF: the end was reached).</summary>
    internal void Advance(ushort next) => NextRecordId = next;

    internal void AddRecord(ushort recordId, ReadOnlySpan<byte> bytes, ushort next)
    {
        var copy = bytes.ToArray();
        BinaryPrimitives.WriteUInt16LittleEndian(copy, recordId);
        _missing.RemoveAll(m => m.RecordId == recordId);
        if (!TryAdd(new SdrRawRecord(recordId, copy, next)))
        {
            _records[_index[recordId]] = new SdrRawRecord(recordId, copy, next);
        }
    }

    internal void AddMissing(ushort recordId, ushort? next, string reason)
    {
        var at = _missing.FindIndex(m => m.RecordId == recordId);
        var entry = new SdrMissingRecord(recordId, next ?? (at >= 0 ? _missing[at].NextRecordId : null), reason);
        if (at >= 0)
        {
            _missing[at] = entry;
        }
        else
        {
            _missing.Add(entry);
        }
    }

    private bool TryAdd(SdrRawRecord record)
    {
        if (!_index.TryAdd(record.RecordId, _records.Count))
        {
            return false;
        }

        _records.Add(record);
        return true;
    }
}
