using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sel;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Where an incremental SEL walk resumes: the last record seen and the SEL info at that time.</summary>
public readonly record struct SelCursor(ushort LastRecordId, uint AdditionTimestamp, uint EraseTimestamp, ushort EntryCount);

/// <summary>Options of the SEL walk.</summary>
public sealed record SelReadOptions
{
    public static SelReadOptions Default { get; } = new();

    /// <summary>Cap on entries read in one walk. Default 10000.</summary>
    public int MaxEntries { get; init; } = 10_000;

    /// <summary>Re-reservations after 0xC5 for the whole walk. Default 4.</summary>
    public int MaxReservationRetries { get; init; } = 4;

    /// <summary>Retries while the SEL answers 0x81 (erase in progress) or 0xC0 (node busy). Default 3.</summary>
    public int MaxBusyRetries { get; init; } = 3;

    /// <summary>Pause between busy retries. Default 100 ms.</summary>
    public TimeSpan BusyDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Read records of an invalid type as system events (FreeIPMI <c>assumesystemevent</c>; <see cref="SelDecoder.Decode"/>).</summary>
    public bool AssumeSystemEvent { get; init; }
}

/// <summary>The result of a SEL walk.</summary>
public sealed record SelReadResult
{
    public required RepositoryInfo Info { get; init; }

    /// <summary>Records read in this walk, in SEL order (only those after the cursor for an incremental walk).</summary>
    public required IReadOnlyList<SelRecord> Records { get; init; }

    /// <summary>The cursor to pass to the next incremental walk.</summary>
    public required SelCursor Cursor { get; init; }

    /// <summary>The SEL was cleared since the cursor (erase timestamp changed, entry count dropped or the last record vanished); the walk restarted at the first record.</summary>
    public bool ClearDetected { get; init; }

    /// <summary>Nothing changed since the cursor; no entry was read.</summary>
    public bool Unchanged { get; init; }

    /// <summary>Why the walk stopped before the last record, null when it completed.</summary>
    public string? StopReason { get; init; }

    /// <summary>Records whose bytes could not be decoded.</summary>
    public int MalformedCount { get; init; }
}
