namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>
/// One SEL record as given to ipmi_sim's <c>sel_add</c>: the record type and the 13 bytes after it
/// (IPMI v2.0 §32.1). For types below 0xE0 the first four bytes are a timestamp the simulator overwrites.
/// </summary>
internal sealed record SelEntry(byte RecordType, byte[] Body)
{
    public bool IsSystemEvent => RecordType == 0x02;

    public bool IsOemTimestamped => RecordType is >= 0xC0 and <= 0xDF;

    public bool IsOemNonTimestamped => RecordType >= 0xE0;

    public byte SensorType => Body[7];

    public byte SensorNumber => Body[8];

    public bool Deassertion => (Body[9] & 0x80) != 0;

    public byte EventType => (byte)(Body[9] & 0x7F);

    public byte Offset => (byte)(Body[10] & 0x0F);

    public ReadOnlySpan<byte> EventData => Body.AsSpan(10, 3);

    /// <summary>OEM timestamped records: manufacturer ID (3 bytes LE) then 6 OEM bytes (IPMI v2.0 §32.2).</summary>
    public int ManufacturerId => Body[4] | (Body[5] << 8) | (Body[6] << 16);

    /// <summary>The bytes a client keeps as OEM data: 6 after the manufacturer ID, or all 13 when non-timestamped.</summary>
    public byte[] OemData => IsOemNonTimestamped ? Body : Body[7..];

    public static SelEntry System(byte sensorType, byte sensorNumber, byte eventDirType, byte ed1, byte ed2, byte ed3) =>
        new(0x02, [0, 0, 0, 0, SdrBuilder.BmcAddress, 0x00, 0x04, sensorType, sensorNumber, eventDirType, ed1, ed2, ed3]);
}
