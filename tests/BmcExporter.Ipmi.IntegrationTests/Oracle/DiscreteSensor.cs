namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>
/// A discrete sensor: asserted state offsets (bits 0-14 of the Get Sensor Reading state bytes). Described by
/// a Compact record (possibly shared: <see cref="ShareIndex"/> &gt; 0 means "not the record's first sensor")
/// or, when <see cref="FullRecord"/>, by a Full record with "no analog reading".
/// </summary>
internal sealed record DiscreteSensor(
    byte Number,
    string Name,
    byte SensorType,
    byte EventType,
    byte EntityId,
    byte EntityInstance,
    ushort SupportedStates,
    ushort AssertedStates,
    bool FullRecord = false) : ISimSensor
{
    /// <summary>For a shared Compact record: how many sensors share it (1 = not shared).</summary>
    public int ShareCount { get; init; } = 1;

    /// <summary>Position of this sensor within its shared record (0 = the record's own sensor).</summary>
    public int ShareIndex { get; init; }

    /// <summary>The ID string stored in the (shared) record; the name is this plus the numeric modifier.</summary>
    public string RecordName { get; init; } = "";

    public bool IsThreshold => false;

    public ExpectedStatus Status => ExpectedStatus.Ok;

    public IReadOnlyList<int> AssertedOffsets =>
        Enumerable.Range(0, 15).Where(bit => (AssertedStates & (1 << bit)) != 0).ToArray();

    public byte[] Sdr() => FullRecord ? SdrBuilder.FullDiscrete(this) : SdrBuilder.Compact(this);
}
