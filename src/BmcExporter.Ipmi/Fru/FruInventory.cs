namespace BmcExporter.Ipmi.Fru;

/// <summary>
/// Decoded FRU inventory (Platform Management FRU Information Storage Definition v1.0 §8-11): common header and
/// the chassis, board and product areas. Checksum failures are flagged, not fatal.
/// </summary>
public sealed record FruInventory
{
    public FruCommonHeader Header { get; init; }

    public bool HeaderChecksumValid { get; init; } = true;

    public FruChassisInfo? Chassis { get; init; }

    public FruBoardInfo? Board { get; init; }

    public FruProductInfo? Product { get; init; }

    /// <summary>True when every area present passed its checksum.</summary>
    public bool AllChecksumsValid => HeaderChecksumValid
        && (Chassis?.ChecksumValid ?? true)
        && (Board?.ChecksumValid ?? true)
        && (Product?.ChecksumValid ?? true);
}

/// <summary>The 8-byte common header: format version and area offsets in multiples of 8 bytes (0 = absent) (FRU spec §8).</summary>
public readonly record struct FruCommonHeader(
    byte FormatVersion,
    byte InternalUseOffset,
    byte ChassisOffset,
    byte BoardOffset,
    byte ProductOffset,
    byte MultiRecordOffset)
{
    public const int Size = 8;
}

/// <summary>Chassis info area (FRU spec §10).</summary>
public sealed record FruChassisInfo
{
    public byte ChassisType { get; init; } = 0x17;

    public string PartNumber { get; init; } = string.Empty;

    public string SerialNumber { get; init; } = string.Empty;

    public IReadOnlyList<string> Custom { get; init; } = [];

    public bool ChecksumValid { get; init; } = true;
}

/// <summary>Board info area (FRU spec §11); the manufacturing date counts minutes from 1996-01-01 00:00.</summary>
public sealed record FruBoardInfo
{
    public static readonly DateTimeOffset Epoch = new(1996, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public byte Language { get; init; }

    /// <summary>Minutes since 1996-01-01 00:00 (24 bits); 0 means unspecified.</summary>
    public uint ManufacturingMinutes { get; init; }

    public DateTimeOffset? ManufacturingDate => ManufacturingMinutes == 0 ? null : Epoch.AddMinutes(ManufacturingMinutes);

    public string Manufacturer { get; init; } = string.Empty;

    public string ProductName { get; init; } = string.Empty;

    public string SerialNumber { get; init; } = string.Empty;

    public string PartNumber { get; init; } = string.Empty;

    public string FruFileId { get; init; } = string.Empty;

    public IReadOnlyList<string> Custom { get; init; } = [];

    public bool ChecksumValid { get; init; } = true;

    /// <summary>Minutes since the FRU epoch for a date (truncated to whole minutes).</summary>
    public static uint ToMinutes(DateTimeOffset date) => (uint)Math.Max(0, (date - Epoch).TotalMinutes);
}

/// <summary>Product info area (FRU spec §12).</summary>
public sealed record FruProductInfo
{
    public byte Language { get; init; }

    public string Manufacturer { get; init; } = string.Empty;

    public string ProductName { get; init; } = string.Empty;

    public string PartNumber { get; init; } = string.Empty;

    public string Version { get; init; } = string.Empty;

    public string SerialNumber { get; init; } = string.Empty;

    public string AssetTag { get; init; } = string.Empty;

    public string FruFileId { get; init; } = string.Empty;

    public IReadOnlyList<string> Custom { get; init; } = [];

    public bool ChecksumValid { get; init; } = true;
}
