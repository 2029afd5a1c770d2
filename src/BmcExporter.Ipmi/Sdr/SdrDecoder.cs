namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// Decodes one SDR (header included). Bytes beyond 5 + length are padding and ignored (ipmi_sim and some HP
/// BMCs pad whole-record reads); fewer bytes than the header claims, or an ID string running past the
/// record, raise <see cref="IpmiProtocolException"/>. Types other than 0x01/0x02/0x03/0x11/0x12 are returned as
/// <see cref="OpaqueSdrRecord"/>.
/// </summary>
public static partial class SdrDecoder
{
    public static SdrRecord Decode(ReadOnlySpan<byte> data)
    {
        var header = SdrRecordHeader.Decode(data);
        if (data.Length < header.TotalLength)
        {
            throw new IpmiProtocolException(
                $"SDR record 0x{header.RecordId:X4} truncated: header says {header.TotalLength} bytes, got {data.Length}.");
        }

        var body = data.Slice(SdrRecordHeader.Size, header.Length);
        return header.RecordType switch
        {
            (byte)SdrRecordType.FullSensor => DecodeFull(header, body),
            (byte)SdrRecordType.CompactSensor => DecodeCompact(header, body),
            (byte)SdrRecordType.EventOnly => DecodeEventOnly(header, body),
            (byte)SdrRecordType.FruDeviceLocator => DecodeFruLocator(header, body),
            (byte)SdrRecordType.McDeviceLocator => DecodeMcLocator(header, body),
            _ => new OpaqueSdrRecord
            {
                RecordId = header.RecordId,
                Version = header.Version,
                Type = header.RecordType,
                Body = body.ToArray(),
            },
        };
    }

    /// <summary>Trims a record read with trailing padding to 5 + its length byte; throws when it is shorter.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> data)
    {
        var header = SdrRecordHeader.Decode(data);
        if (data.Length < header.TotalLength)
        {
            throw new IpmiProtocolException(
                $"SDR record 0x{header.RecordId:X4} truncated: header says {header.TotalLength} bytes, got {data.Length}.");
        }

        return data[..header.TotalLength];
    }

    private static (string Text, IdStringEncoding Encoding) ReadIdString(ref SpanReader reader)
    {
        var typeLength = reader.ReadByte("ID string type/length");
        var encoding = (IdStringEncoding)(typeLength >> 6);

        // IPMI v2.0 §43.15: bits 4:0 = length; bit 5 reserved in SDRs. Treated as a byte count.
        var length = typeLength & 0x1F;
        var bytes = reader.ReadBytes(length, "ID string");
        return (IdStringCodec.Decode(encoding, bytes), encoding);
    }

    /// <summary>
    /// Record bytes 6-10 of every sensor record (IPMI v2.0 §43.1-§43.3; protocol reference §4.2): owner ID; channel
    /// b7:4, FRU inventory device owner LUN b3:2 (compact and event-only), owner LUN b1:0; sensor number; entity ID;
    /// logical container b7 and entity instance b6:0.
    /// </summary>
    private readonly record struct SensorKey(byte OwnerId, byte LunByte, byte SensorNumber, byte EntityId, byte InstanceByte)
    {
        public byte OwnerLun => (byte)(LunByte & 0x03);

        public byte FruOwnerLun => (byte)((LunByte >> 2) & 0x03);

        public byte Channel => (byte)(LunByte >> 4);

        public byte EntityInstance => (byte)(InstanceByte & 0x7F);

        public bool IsLogicalContainer => (InstanceByte & 0x80) != 0;

        public static SensorKey Read(ref SpanReader reader)
        {
            var ownerId = reader.ReadByte("sensor owner ID");
            var lunByte = reader.ReadByte("sensor owner LUN");
            var number = reader.ReadByte("sensor number");
            var entityId = reader.ReadByte("entity ID");
            var instance = reader.ReadByte("entity instance");
            return new SensorKey(ownerId, lunByte, number, entityId, instance);
        }
    }
}
