namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// One logical sensor from the repository: a full record, one of the N sensors a shared compact record stands
/// for, or an event-only sensor. Names of shared sensors carry their instance modifier (IPMI v2.0 §43.2).
/// </summary>
public sealed record SdrSensor
{
    public required SensorRecord Record { get; init; }

    public ushort RecordId => Record.RecordId;

    public required byte SensorNumber { get; init; }

    public required string Name { get; init; }

    public required byte EntityInstance { get; init; }

    /// <summary>Index of this sensor within a shared record (0 for unshared records).</summary>
    public int ShareIndex { get; init; }

    public byte OwnerId => Record.OwnerId;

    public byte OwnerLun => Record.OwnerLun;

    public byte Channel => Record.Channel;

    public byte EntityId => Record.EntityId;

    public byte SensorType => Record.SensorType;

    public byte EventReadingType => Record.EventReadingType;

    public bool IsThresholdBased => Record.IsThresholdBased;

    /// <summary>Event-only sensors are never read (Get Sensor Reading answers 0xCC or similar).</summary>
    public bool IsEventOnly => Record is EventOnlyRecord;

    /// <summary>The full record when there is one: only full records carry conversion factors.</summary>
    public FullSensorRecord? Full => Record as FullSensorRecord;

    public SensorUnits Units => Record switch
    {
        FullSensorRecord f => f.Units,
        CompactSensorRecord c => c.Units,
        _ => new SensorUnits(0xC0, 0, 0),
    };

    /// <summary>True when the sensor's owner is the BMC on the primary channel (readable without bridging).</summary>
    public bool IsOwnedBy(byte bmcAddress) => OwnerId == bmcAddress && Channel == 0;
}
