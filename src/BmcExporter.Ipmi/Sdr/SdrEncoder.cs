namespace BmcExporter.Ipmi.Sdr;

/// <summary>
/// Encodes SDRs to their wire form, header included, with the length byte computed from the fields (the
/// inverse of <see cref="SdrDecoder"/>; used by the simulator and by tests).
/// </summary>
public static class SdrEncoder
{
    /// <summary>Longest ID string in bytes that fits the 5-bit length field.</summary>
    public const int MaxIdStringBytes = 31;

    public static byte[] Encode(SdrRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record switch
        {
            FullSensorRecord full => EncodeFull(full),
            CompactSensorRecord compact => EncodeCompact(compact),
            EventOnlyRecord eventOnly => EncodeEventOnly(eventOnly),
            FruDeviceLocatorRecord fru => EncodeFruLocator(fru),
            McDeviceLocatorRecord mc => EncodeMcLocator(mc),
            OpaqueSdrRecord opaque => EncodeOpaque(opaque),
            _ => throw new ArgumentException($"Unsupported SDR record type {record.GetType().Name}.", nameof(record)),
        };
    }

    // IPMI v2.0 §43.1 table 43-1.
    private static byte[] EncodeFull(FullSensorRecord s)
    {
        var id = IdBytes(s.IdString, s.IdStringEncoding);
        var buffer = Start(s, FullSensorRecord.FixedBodyLength, id.Length);
        var b = buffer.AsSpan(SdrRecordHeader.Size);
        WriteSensorKey(b, s);
        new SensorEventFields(s.SensorInitialization, s.SensorCapabilities, s.SensorType, s.EventReadingType, s.AssertionMask, s.DeassertionMask, s.ReadingMask, s.Units).Write(b);
        b[18] = s.Linearization;
        s.Factors.Write(b[19..25]);
        b[25] = s.AnalogFlags;
        b[26] = s.NominalReading;
        b[27] = s.NormalMaximum;
        b[28] = s.NormalMinimum;
        b[29] = s.SensorMaximum;
        b[30] = s.SensorMinimum;
        b[31] = s.Thresholds.UpperNonRecoverable;
        b[32] = s.Thresholds.UpperCritical;
        b[33] = s.Thresholds.UpperNonCritical;
        b[34] = s.Thresholds.LowerNonRecoverable;
        b[35] = s.Thresholds.LowerCritical;
        b[36] = s.Thresholds.LowerNonCritical;
        b[37] = s.PositiveHysteresis;
        b[38] = s.NegativeHysteresis;
        b[41] = s.Oem;
        WriteIdString(b[42..], s.IdStringEncoding, id);
        return buffer;
    }

    // IPMI v2.0 §43.2 table 43-2.
    private static byte[] EncodeCompact(CompactSensorRecord s)
    {
        var id = IdBytes(s.IdString, s.IdStringEncoding);
        var buffer = Start(s, CompactSensorRecord.FixedBodyLength, id.Length);
        var b = buffer.AsSpan(SdrRecordHeader.Size);
        WriteSensorKey(b, s);
        new SensorEventFields(s.SensorInitialization, s.SensorCapabilities, s.SensorType, s.EventReadingType, s.AssertionMask, s.DeassertionMask, s.ReadingMask, s.Units).Write(b);
        b[18] = s.Sharing.Byte1;
        b[19] = s.Sharing.Byte2;
        b[20] = s.PositiveHysteresis;
        b[21] = s.NegativeHysteresis;
        b[25] = s.Oem;
        WriteIdString(b[26..], s.IdStringEncoding, id);
        return buffer;
    }

    // IPMI v2.0 §43.3 table 43-3.
    private static byte[] EncodeEventOnly(EventOnlyRecord s)
    {
        var id = IdBytes(s.IdString, s.IdStringEncoding);
        var buffer = Start(s, EventOnlyRecord.FixedBodyLength, id.Length);
        var b = buffer.AsSpan(SdrRecordHeader.Size);
        WriteSensorKey(b, s);
        b[5] = s.SensorType;
        b[6] = s.EventReadingType;
        b[7] = s.Sharing.Byte1;
        b[8] = s.Sharing.Byte2;
        b[10] = s.Oem;
        WriteIdString(b[11..], s.IdStringEncoding, id);
        return buffer;
    }

    // IPMI v2.0 §43.8 table 43-7.
    private static byte[] EncodeFruLocator(FruDeviceLocatorRecord s)
    {
        var id = IdBytes(s.IdString, s.IdStringEncoding);
        var buffer = Start(s, FruDeviceLocatorRecord.FixedBodyLength, id.Length);
        var b = buffer.AsSpan(SdrRecordHeader.Size);
        b[0] = s.DeviceAccessAddress;
        b[1] = s.FruDeviceId;
        b[2] = (byte)((s.IsLogicalFruDevice ? 0x80 : 0) | ((s.AccessLun & 0x03) << 3) | (s.PrivateBusId & 0x07));
        b[3] = (byte)((s.Channel & 0x0F) << 4);
        b[5] = s.DeviceType;
        b[6] = s.DeviceTypeModifier;
        b[7] = s.EntityId;
        b[8] = s.EntityInstance;
        b[9] = s.Oem;
        WriteIdString(b[10..], s.IdStringEncoding, id);
        return buffer;
    }

    // IPMI v2.0 §43.9 table 43-8.
    private static byte[] EncodeMcLocator(McDeviceLocatorRecord s)
    {
        var id = IdBytes(s.IdString, s.IdStringEncoding);
        var buffer = Start(s, McDeviceLocatorRecord.FixedBodyLength, id.Length);
        var b = buffer.AsSpan(SdrRecordHeader.Size);
        b[0] = s.DeviceSlaveAddress;
        b[1] = (byte)(s.Channel & 0x0F);
        b[2] = s.PowerStateNotification;
        b[3] = s.DeviceCapabilities;
        b[7] = s.EntityId;
        b[8] = s.EntityInstance;
        b[9] = s.Oem;
        WriteIdString(b[10..], s.IdStringEncoding, id);
        return buffer;
    }

    private static byte[] EncodeOpaque(OpaqueSdrRecord s)
    {
        var buffer = Start(s, s.Body.Length, 0);
        s.Body.Span.CopyTo(buffer.AsSpan(SdrRecordHeader.Size));
        return buffer;
    }

    private static byte[] Start(SdrRecord record, int fixedBody, int idLength)
    {
        var bodyLength = fixedBody + idLength;
        if (bodyLength > byte.MaxValue)
        {
            throw new ArgumentException($"SDR body of {bodyLength} bytes exceeds 255.", nameof(record));
        }

        var buffer = new byte[SdrRecordHeader.Size + bodyLength];
        new SdrRecordHeader(record.RecordId, record.Version, record.RecordTypeCode, (byte)bodyLength).Write(buffer);
        return buffer;
    }

    // IPMI v2.0 §43.1-§43.3 bytes 6-10: owner ID; channel b7:4, FRU owner LUN b3:2, owner LUN b1:0; sensor number;
    // entity ID; logical container b7, entity instance b6:0. The inverse of SdrDecoder's SensorKey.
    private static void WriteSensorKey(Span<byte> body, SensorRecord s)
    {
        body[0] = s.OwnerId;
        body[1] = (byte)(((s.Channel & 0x0F) << 4) | ((s.FruOwnerLun & 0x03) << 2) | (s.OwnerLun & 0x03));
        body[2] = s.SensorNumber;
        body[3] = s.EntityId;
        body[4] = (byte)((s.EntityIsLogicalContainer ? 0x80 : 0) | (s.EntityInstance & 0x7F));
    }

    private static byte[] IdBytes(string text, IdStringEncoding encoding)
    {
        var bytes = IdStringCodec.Encode(encoding, text);
        if (bytes.Length > MaxIdStringBytes)
        {
            throw new ArgumentException($"ID string '{text}' needs {bytes.Length} bytes; at most {MaxIdStringBytes} fit.", nameof(text));
        }

        return bytes;
    }

    // IPMI v2.0 §43.15: type in bits 7:6, byte count in bits 4:0.
    private static void WriteIdString(Span<byte> destination, IdStringEncoding encoding, byte[] id)
    {
        destination[0] = (byte)(((byte)encoding << 6) | id.Length);
        id.CopyTo(destination[1..]);
    }
}
