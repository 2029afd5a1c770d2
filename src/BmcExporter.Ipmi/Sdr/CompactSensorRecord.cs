namespace BmcExporter.Ipmi.Sdr;

/// <summary>Compact Sensor Record, type 0x02 (IPMI v2.0 §43.2; protocol reference §4.3). Never converted to units.</summary>
public sealed record CompactSensorRecord : SensorRecord
{
    /// <summary>Body bytes before the ID string (offsets 5-31 of the record).</summary>
    internal const int FixedBodyLength = 27;

    public override byte RecordTypeCode => (byte)SdrRecordType.CompactSensor;

    public byte SensorInitialization { get; init; } = 0x67;

    public byte SensorCapabilities { get; init; } = 0x40;

    public ushort AssertionMask { get; init; }

    public ushort DeassertionMask { get; init; }

    public ushort ReadingMask { get; init; }

    public SensorUnits Units { get; init; } = new(0xC0, 0, 0);

    public RecordSharing Sharing { get; init; } = new();

    public byte PositiveHysteresis { get; init; }

    public byte NegativeHysteresis { get; init; }
}

/// <summary>Event-Only Record, type 0x03 (IPMI v2.0 §43.3; protocol reference §4.4). Names sensors that only log events.</summary>
public sealed record EventOnlyRecord : SensorRecord
{
    /// <summary>Body bytes before the ID string (offsets 5-16 of the record).</summary>
    internal const int FixedBodyLength = 12;

    public override byte RecordTypeCode => (byte)SdrRecordType.EventOnly;

    public RecordSharing Sharing { get; init; } = new();
}
