using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Sel;

/// <summary>Decodes 16-byte SEL records (IPMI v2.0 §32). Fewer than 16 bytes raise <see cref="IpmiProtocolException"/>.</summary>
public static class SelDecoder
{
    /// <summary>
    /// Decodes one record. With <paramref name="assumeSystemEvent"/> (FreeIPMI workaround <c>assumesystemevent</c>,
    /// HP DL380 G5) a record whose type is neither a system event (02h) nor OEM (C0h-FFh) is read as a system event,
    /// as FreeIPMI does; otherwise it stays a raw record (IPMI v2.0 §32.1).
    /// </summary>
    public static SelRecord Decode(ReadOnlySpan<byte> data, bool assumeSystemEvent = false)
    {
        var r = new SpanReader(data);
        r.Require(SelRecord.Size, "SEL record");
        var id = r.ReadUInt16("SEL record ID");
        var type = r.ReadByte("SEL record type");
        if (assumeSystemEvent && type is not SelRecord.SystemEventType and < 0xC0)
        {
            type = SelRecord.SystemEventType;
        }

        if (type != SelRecord.SystemEventType)
        {
            return new RawSelRecord { RecordId = id, Type = type, Data = r.ReadBytes(13, "OEM SEL data").ToArray() };
        }

        var timestamp = r.ReadUInt32("SEL timestamp");
        var generator = r.ReadByte("generator ID");
        var generatorChannel = r.ReadByte("generator channel/LUN");
        var evm = r.ReadByte("EvM revision");
        var sensorType = r.ReadByte("sensor type");
        var sensorNumber = r.ReadByte("sensor number");
        var direction = r.ReadByte("event direction / type");
        return new SystemEventRecord
        {
            RecordId = id,
            Timestamp = new SelTimestamp(timestamp),
            GeneratorAddress = generator,
            GeneratorChannelLun = generatorChannel,
            EvmRevision = evm,
            SensorType = sensorType,
            SensorNumber = sensorNumber,
            IsDeassertion = (direction & 0x80) != 0,
            EventReadingType = (byte)(direction & 0x7F),
            EventData1 = r.ReadByte("event data 1"),
            EventData2 = r.ReadByte("event data 2"),
            EventData3 = r.ReadByte("event data 3"),
        };
    }
}

/// <summary>Encodes SEL records to their 16-byte form (for the simulator and tests).</summary>
public static class SelEncoder
{
    public static byte[] Encode(SelRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var b = new byte[SelRecord.Size];
        BinaryPrimitives.WriteUInt16LittleEndian(b, record.RecordId);
        b[2] = record.RecordType;
        switch (record)
        {
            case SystemEventRecord e:
                BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(3), e.Timestamp.Raw);
                b[7] = e.GeneratorAddress;
                b[8] = e.GeneratorChannelLun;
                b[9] = e.EvmRevision;
                b[10] = e.SensorType;
                b[11] = e.SensorNumber;
                b[12] = (byte)((e.IsDeassertion ? 0x80 : 0) | (e.EventReadingType & 0x7F));
                b[13] = e.EventData1;
                b[14] = e.EventData2;
                b[15] = e.EventData3;
                break;
            case RawSelRecord raw:
                if (raw.Data.Length != 13)
                {
                    throw new ArgumentException("A raw SEL record carries exactly 13 bytes after its type.", nameof(record));
                }

                raw.Data.Span.CopyTo(b.AsSpan(3));
                break;
            default:
                throw new ArgumentException($"Unsupported SEL record {record.GetType().Name}.", nameof(record));
        }

        return b;
    }

    /// <summary>13 data bytes of an OEM timestamped record: timestamp, manufacturer ID, 6 OEM bytes.</summary>
    public static byte[] OemTimestampedData(uint timestamp, uint manufacturerId, ReadOnlySpan<byte> oem)
    {
        if (oem.Length != 6)
        {
            throw new ArgumentException("OEM timestamped records carry 6 OEM bytes.", nameof(oem));
        }

        var b = new byte[13];
        BinaryPrimitives.WriteUInt32LittleEndian(b, timestamp);
        b[4] = (byte)manufacturerId;
        b[5] = (byte)(manufacturerId >> 8);
        b[6] = (byte)(manufacturerId >> 16);
        oem.CopyTo(b.AsSpan(7));
        return b;
    }
}
