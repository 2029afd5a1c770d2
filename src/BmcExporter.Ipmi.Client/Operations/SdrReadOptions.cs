using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Options of the SDR repository walk; defaults follow FreeIPMI and ipmitool (protocol reference §3.3).</summary>
public sealed record SdrReadOptions
{
    public static SdrReadOptions Default { get; } = new();

    /// <summary>Main SDR repository or the Device SDRs of a satellite controller.</summary>
    public SdrRepositoryKind Kind { get; init; } = SdrRepositoryKind.Main;

    /// <summary>Try one whole-record read (count 0xFF) before partial reads. Default true.</summary>
    public bool TryWholeRecord { get; init; } = true;

    /// <summary>First partial-read chunk size. Default 16 (FreeIPMI's start).</summary>
    public int InitialChunkSize { get; init; } = 16;

    /// <summary>Smallest chunk tried before giving up on a record. Default 4.</summary>
    public int MinimumChunkSize { get; init; } = 4;

    /// <summary>Re-reservations after 0xC5 (reservation cancelled) for the whole walk. Default 4.</summary>
    public int MaxReservationRetries { get; init; } = 4;

    /// <summary>Hard cap on records walked whatever the repository claims. Default 4096.</summary>
    public int MaxRecords { get; init; } = 4096;

    /// <summary>
    /// FreeIPMI workaround <c>assumemaxsdrrecordcount</c> (Inspur): stop once as many records as Get SDR Repository
    /// Info reported have been walked, even when the last one does not point to FFFFh. Default off (the count is not
    /// trusted: Fujitsu reports it wrong).
    /// </summary>
    public bool AssumeMaxRecordCount { get; init; }
}
