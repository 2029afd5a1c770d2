namespace BmcExporter.Ipmi.Sdr;

/// <summary>FRU Device Locator, type 0x11 (IPMI v2.0 §43.8; protocol reference §4.5).</summary>
public sealed record FruDeviceLocatorRecord : SdrRecord
{
    internal const int FixedBodyLength = 11;

    public override byte RecordTypeCode => (byte)SdrRecordType.FruDeviceLocator;

    /// <summary>Controller slave address in its 8-bit form (b7:1).</summary>
    public byte DeviceAccessAddress { get; init; } = IpmiAddresses.Bmc;

    /// <summary>Logical FRU device ID, or the 7-bit slave address in b7:1 for a non-intelligent device.</summary>
    public byte FruDeviceId { get; init; }

    public bool IsLogicalFruDevice { get; init; } = true;

    public byte AccessLun { get; init; }

    public byte PrivateBusId { get; init; }

    public byte Channel { get; init; }

    public byte DeviceType { get; init; } = 0x10;

    public byte DeviceTypeModifier { get; init; }

    public byte EntityId { get; init; }

    public byte EntityInstance { get; init; }

    public byte Oem { get; init; }

    public string IdString { get; init; } = string.Empty;

    public IdStringEncoding IdStringEncoding { get; init; } = IdStringEncoding.Latin1;
}

/// <summary>Management Controller Device Locator, type 0x12 (IPMI v2.0 §43.9; protocol reference §4.6).</summary>
public sealed record McDeviceLocatorRecord : SdrRecord
{
    internal const int FixedBodyLength = 11;

    public override byte RecordTypeCode => (byte)SdrRecordType.McDeviceLocator;

    /// <summary>Controller slave address in its 8-bit form (b7:1).</summary>
    public byte DeviceSlaveAddress { get; init; } = IpmiAddresses.Bmc;

    public byte Channel { get; init; }

    /// <summary>Power state notification / global initialization byte.</summary>
    public byte PowerStateNotification { get; init; }

    /// <summary>Device capabilities, same bits as Get Device ID's additional device support.</summary>
    public byte DeviceCapabilities { get; init; }

    public byte EntityId { get; init; }

    public byte EntityInstance { get; init; }

    public byte Oem { get; init; }

    public string IdString { get; init; } = string.Empty;

    public IdStringEncoding IdStringEncoding { get; init; } = IdStringEncoding.Latin1;
}

/// <summary>
/// A record kept as bytes: OEM records (type 0xC0, body starts with the 3-byte manufacturer ID) and every
/// type this decoder does not interpret. Sensor listings skip these; they round-trip through the encoder.
/// </summary>
public sealed record OpaqueSdrRecord : SdrRecord
{
    public required byte Type { get; init; }

    public override byte RecordTypeCode => Type;

    /// <summary>The record body after the 5-byte header.</summary>
    public ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Manufacturer ID of an OEM record (IPMI v2.0 §43.12), null for other types or short bodies.</summary>
    public uint? ManufacturerId => Type == (byte)SdrRecordType.Oem && Body.Length >= 3
        ? (uint)(Body.Span[0] | (Body.Span[1] << 8) | (Body.Span[2] << 16))
        : null;
}
