namespace BmcExporter.Ipmi.Sdr;

/// <summary>A decoded Sensor Data Record (IPMI v2.0 §43). Encoded with <see cref="SdrEncoder"/>, decoded with <see cref="SdrDecoder"/>.</summary>
public abstract record SdrRecord
{
    /// <summary>Record ID assigned by the repository (IPMI v2.0 §33.2).</summary>
    public ushort RecordId { get; init; }

    public byte Version { get; init; } = SdrRecordHeader.CurrentVersion;

    public abstract byte RecordTypeCode { get; }
}

/// <summary>Fields shared by the sensor records (full, compact, event-only): key bytes, entity, type and ID string.</summary>
public abstract record SensorRecord : SdrRecord
{
    /// <summary>Sensor owner ID in its 8-bit form: b7:1 slave address or software ID, b0 = 1 for a software ID.</summary>
    public byte OwnerId { get; init; } = IpmiAddresses.Bmc;

    /// <summary>Sensor owner LUN, 0-3.</summary>
    public byte OwnerLun { get; init; }

    /// <summary>Channel number of the owner, 0-15 (0 = primary IPMB).</summary>
    public byte Channel { get; init; }

    /// <summary>FRU inventory device owner LUN (compact and event-only records; reserved in full records).</summary>
    public byte FruOwnerLun { get; init; }

    public byte SensorNumber { get; init; }

    public byte EntityId { get; init; }

    /// <summary>Entity instance number, 0-127 (0x60-0x7F device-relative).</summary>
    public byte EntityInstance { get; init; }

    /// <summary>b7 of the entity instance byte: the entity is a logical container.</summary>
    public bool EntityIsLogicalContainer { get; init; }

    public byte SensorType { get; init; }

    /// <summary>Event/reading type code (0x01 threshold, 0x02-0x0C generic, 0x6F sensor-specific).</summary>
    public byte EventReadingType { get; init; }

    public byte Oem { get; init; }

    public string IdString { get; init; } = string.Empty;

    public IdStringEncoding IdStringEncoding { get; init; } = IdStringEncoding.Latin1;

    /// <summary>True for the threshold event/reading type 0x01.</summary>
    public bool IsThresholdBased => EventReadingType == 0x01;
}

/// <summary>Record sharing bytes of compact and event-only records (IPMI v2.0 §43.2 bytes 24-25).</summary>
public readonly record struct RecordSharing(
    byte ShareCount = 1,
    IdStringModifierType ModifierType = IdStringModifierType.Numeric,
    byte ModifierOffset = 0,
    bool EntityInstanceIncrements = false,
    byte SensorDirection = 0)
{
    /// <summary>Number of sensors the record stands for (0 and 1 both mean one).</summary>
    public int EffectiveCount => ShareCount <= 1 ? 1 : ShareCount;

    public static RecordSharing Decode(byte sharing1, byte sharing2) => new(
        (byte)(sharing1 & 0x0F),
        (IdStringModifierType)((sharing1 >> 4) & 0x03),
        (byte)(sharing2 & 0x7F),
        (sharing2 & 0x80) != 0,
        (byte)(sharing1 >> 6));

    public byte Byte1 => (byte)(((SensorDirection & 0x03) << 6) | (((byte)ModifierType & 0x03) << 4) | (ShareCount & 0x0F));

    public byte Byte2 => (byte)((EntityInstanceIncrements ? 0x80 : 0) | (ModifierOffset & 0x7F));
}

/// <summary>How a shared record's ID string gets its per-sensor suffix.</summary>
public enum IdStringModifierType : byte
{
    Numeric = 0,
    Alpha = 1,
}
