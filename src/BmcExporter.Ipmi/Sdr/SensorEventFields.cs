using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// The record bytes Full and Compact Sensor Records lay out alike after the sensor key (IPMI v2.0 §43.1 table 43-1 and
/// §43.2 table 43-2, bytes 11-23; protocol reference §4.2, §4.3): sensor initialization, sensor capabilities, sensor
/// type, event/reading type code, the assertion, deassertion and reading masks (each 2 bytes, least significant
/// first) and the three units bytes. One reader and one writer, so the decoder and encoder of both records agree.
/// </summary>
internal readonly record struct SensorEventFields(
    byte Initialization,
    byte Capabilities,
    byte SensorType,
    byte EventReadingType,
    ushort AssertionMask,
    ushort DeassertionMask,
    ushort ReadingMask,
    SensorUnits Units)
{
    /// <summary>Where the fields start in the record body: after owner ID, owner LUN, sensor number and entity ID and instance.</summary>
    public const int BodyOffset = 5;

    /// <summary>Bytes the fields take.</summary>
    public const int Size = 13;

    /// <summary>Reads the fields at <paramref name="reader"/>'s position (record offset 10).</summary>
    public static SensorEventFields Read(ref SpanReader reader)
    {
        var initialization = reader.ReadByte("sensor initialization");
        var capabilities = reader.ReadByte("sensor capabilities");
        var sensorType = reader.ReadByte("sensor type");
        var eventType = reader.ReadByte("event/reading type");
        var assertion = reader.ReadUInt16("assertion mask");
        var deassertion = reader.ReadUInt16("deassertion mask");
        var readingMask = reader.ReadUInt16("reading mask");
        var units = new SensorUnits(reader.ReadByte("sensor units 1"), reader.ReadByte("base unit"), reader.ReadByte("modifier unit"));
        return new SensorEventFields(initialization, capabilities, sensorType, eventType, assertion, deassertion, readingMask, units);
    }

    /// <summary>Writes the fields into <paramref name="body"/> (a record body) at <see cref="BodyOffset"/>.</summary>
    public void Write(Span<byte> body)
    {
        var b = body.Slice(BodyOffset, Size);
        b[0] = Initialization;
        b[1] = Capabilities;
        b[2] = SensorType;
        b[3] = EventReadingType;
        BinaryPrimitives.WriteUInt16LittleEndian(b[4..], AssertionMask);
        BinaryPrimitives.WriteUInt16LittleEndian(b[6..], DeassertionMask);
        BinaryPrimitives.WriteUInt16LittleEndian(b[8..], ReadingMask);
        b[10] = Units.Units1;
        b[11] = Units.BaseUnit;
        b[12] = Units.ModifierUnit;
    }
}
