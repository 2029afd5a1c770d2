using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Ipmi.Sel;

/// <summary>One 16-byte SEL record (IPMI v2.0 §32). Decode with <see cref="SelDecoder"/>, encode with <see cref="SelEncoder"/>.</summary>
public abstract record SelRecord
{
    public const int Size = 16;

    public const byte SystemEventType = 0x02;

    public ushort RecordId { get; init; }

    public abstract byte RecordType { get; }
}

/// <summary>System event record, type 0x02 (IPMI v2.0 §32.1; protocol reference §3.6).</summary>
public sealed record SystemEventRecord : SelRecord
{
    public override byte RecordType => SystemEventType;

    public SelTimestamp Timestamp { get; init; }

    /// <summary>Generator ID byte 1: b7:1 IPMB slave address or software ID, b0 = 1 for a software ID.</summary>
    public byte GeneratorAddress { get; init; } = IpmiAddresses.Bmc;

    /// <summary>Generator ID byte 2: b7:4 channel, b1:0 LUN.</summary>
    public byte GeneratorChannelLun { get; init; }

    /// <summary>Event message format revision: 0x04 for IPMI 1.5/2.0, 0x03 for IPMI 1.0.</summary>
    public byte EvmRevision { get; init; } = 0x04;

    public byte SensorType { get; init; }

    public byte SensorNumber { get; init; }

    /// <summary>Event direction bit: true for a deassertion event.</summary>
    public bool IsDeassertion { get; init; }

    /// <summary>Event/reading type code, bits 6:0 of the event direction byte.</summary>
    public byte EventReadingType { get; init; }

    public byte EventData1 { get; init; }

    public byte EventData2 { get; init; } = 0xFF;

    public byte EventData3 { get; init; } = 0xFF;

    public bool GeneratorIsSoftware => (GeneratorAddress & 0x01) != 0;

    public byte GeneratorChannel => (byte)(GeneratorChannelLun >> 4);

    public byte GeneratorLun => (byte)(GeneratorChannelLun & 0x03);

    /// <summary>Event offset, bits 3:0 of event data 1.</summary>
    public int Offset => EventData1 & 0x0F;

    /// <summary>Event data 1 bits 7:6: what event data 2 holds (01 trigger reading for thresholds / previous state for discrete, 10 OEM, 11 sensor-specific).</summary>
    public int EventData2Usage => EventData1 >> 6;

    /// <summary>Event data 1 bits 5:4: what event data 3 holds (01 trigger threshold for thresholds, 10 OEM, 11 sensor-specific).</summary>
    public int EventData3Usage => (EventData1 >> 4) & 0x03;

    /// <summary>Raw trigger reading of a threshold event (event data 2), when present.</summary>
    public byte? TriggerReading => EventReadingType == EventOffsets.Threshold && EventData2Usage == 1 ? EventData2 : null;

    /// <summary>Raw trigger threshold of a threshold event (event data 3), when present.</summary>
    public byte? TriggerThreshold => EventReadingType == EventOffsets.Threshold && EventData3Usage == 1 ? EventData3 : null;

    /// <summary>Name of the event offset ("Upper Critical going high", "Failure detected", ...), null when unknown.</summary>
    public string? Description => EventOffsets.Describe(EventReadingType, SensorType, Offset);

    public string SensorTypeName => SensorTypeNames.Name(SensorType);

    public string DirectionName => IsDeassertion ? "Deasserted" : "Asserted";
}

/// <summary>
/// Any record that is not a system event, kept raw: OEM timestamped (0xC0-0xDF: timestamp, manufacturer ID, 6
/// OEM bytes), OEM non-timestamped (0xE0-0xFF: 13 OEM bytes) and reserved types.
/// </summary>
public sealed record RawSelRecord : SelRecord
{
    public required byte Type { get; init; }

    public override byte RecordType => Type;

    /// <summary>The 13 bytes after the record type.</summary>
    public ReadOnlyMemory<byte> Data { get; init; } = new byte[13];

    public bool IsOemTimestamped => Type is >= 0xC0 and <= 0xDF;

    public bool IsOemNonTimestamped => Type >= 0xE0;

    public SelTimestamp? Timestamp => IsOemTimestamped
        ? new SelTimestamp((uint)(Data.Span[0] | (Data.Span[1] << 8) | (Data.Span[2] << 16) | (Data.Span[3] << 24)))
        : null;

    public uint? ManufacturerId => IsOemTimestamped
        ? (uint)(Data.Span[4] | (Data.Span[5] << 8) | (Data.Span[6] << 16))
        : null;
}
