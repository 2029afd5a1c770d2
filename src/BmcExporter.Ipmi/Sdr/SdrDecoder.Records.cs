namespace BmcExporter.Ipmi.Sdr;

public static partial class SdrDecoder
{
    // IPMI v2.0 §43.1 table 43-1; offsets in comments are 0-based record offsets.
    private static FullSensorRecord DecodeFull(SdrRecordHeader header, ReadOnlySpan<byte> body)
    {
        var r = new SpanReader(body);
        var key = SensorKey.Read(ref r);
        var fields = SensorEventFields.Read(ref r);
        var linearization = r.ReadByte("linearization");
        var factors = ReadingFactors.Decode(r.ReadBytes(ReadingFactors.Size, "reading factors"));
        var flags = r.ReadByte("analog characteristic flags");
        var nominal = r.ReadByte("nominal reading");
        var normalMax = r.ReadByte("normal maximum");
        var normalMin = r.ReadByte("normal minimum");
        var sensorMax = r.ReadByte("sensor maximum");
        var sensorMin = r.ReadByte("sensor minimum");
        var unr = r.ReadByte("UNR threshold");
        var ucr = r.ReadByte("UCR threshold");
        var unc = r.ReadByte("UNC threshold");
        var lnr = r.ReadByte("LNR threshold");
        var lcr = r.ReadByte("LCR threshold");
        var lnc = r.ReadByte("LNC threshold");
        var posHyst = r.ReadByte("positive hysteresis");
        var negHyst = r.ReadByte("negative hysteresis");
        r.Skip(2, "reserved");
        var oem = r.ReadByte("OEM");
        var (id, encoding) = ReadIdString(ref r);
        return new FullSensorRecord
        {
            RecordId = header.RecordId,
            Version = header.Version,
            OwnerId = key.OwnerId,
            OwnerLun = key.OwnerLun,
            FruOwnerLun = key.FruOwnerLun,
            Channel = key.Channel,
            SensorNumber = key.SensorNumber,
            EntityId = key.EntityId,
            EntityInstance = key.EntityInstance,
            EntityIsLogicalContainer = key.IsLogicalContainer,
            SensorInitialization = fields.Initialization,
            SensorCapabilities = fields.Capabilities,
            SensorType = fields.SensorType,
            EventReadingType = fields.EventReadingType,
            AssertionMask = fields.AssertionMask,
            DeassertionMask = fields.DeassertionMask,
            ReadingMask = fields.ReadingMask,
            Units = fields.Units,
            Linearization = linearization,
            Factors = factors,
            AnalogFlags = flags,
            NominalReading = nominal,
            NormalMaximum = normalMax,
            NormalMinimum = normalMin,
            SensorMaximum = sensorMax,
            SensorMinimum = sensorMin,
            Thresholds = new RawThresholds(lnc, lcr, lnr, unc, ucr, unr),
            PositiveHysteresis = posHyst,
            NegativeHysteresis = negHyst,
            Oem = oem,
            IdString = id,
            IdStringEncoding = encoding,
        };
    }

    // IPMI v2.0 §43.2 table 43-2.
    private static CompactSensorRecord DecodeCompact(SdrRecordHeader header, ReadOnlySpan<byte> body)
    {
        var r = new SpanReader(body);
        var key = SensorKey.Read(ref r);
        var fields = SensorEventFields.Read(ref r);
        var sharing = RecordSharing.Decode(r.ReadByte("record sharing 1"), r.ReadByte("record sharing 2"));
        var posHyst = r.ReadByte("positive hysteresis");
        var negHyst = r.ReadByte("negative hysteresis");
        r.Skip(3, "reserved");
        var oem = r.ReadByte("OEM");
        var (id, encoding) = ReadIdString(ref r);
        return new CompactSensorRecord
        {
            RecordId = header.RecordId,
            Version = header.Version,
            OwnerId = key.OwnerId,
            OwnerLun = key.OwnerLun,
            FruOwnerLun = key.FruOwnerLun,
            Channel = key.Channel,
            SensorNumber = key.SensorNumber,
            EntityId = key.EntityId,
            EntityInstance = key.EntityInstance,
            EntityIsLogicalContainer = key.IsLogicalContainer,
            SensorInitialization = fields.Initialization,
            SensorCapabilities = fields.Capabilities,
            SensorType = fields.SensorType,
            EventReadingType = fields.EventReadingType,
            AssertionMask = fields.AssertionMask,
            DeassertionMask = fields.DeassertionMask,
            ReadingMask = fields.ReadingMask,
            Units = fields.Units,
            Sharing = sharing,
            PositiveHysteresis = posHyst,
            NegativeHysteresis = negHyst,
            Oem = oem,
            IdString = id,
            IdStringEncoding = encoding,
        };
    }

    // IPMI v2.0 §43.3 table 43-3.
    private static EventOnlyRecord DecodeEventOnly(SdrRecordHeader header, ReadOnlySpan<byte> body)
    {
        var r = new SpanReader(body);
        var key = SensorKey.Read(ref r);
        var sensorType = r.ReadByte("sensor type");
        var eventType = r.ReadByte("event/reading type");
        var sharing = RecordSharing.Decode(r.ReadByte("record sharing 1"), r.ReadByte("record sharing 2"));
        r.Skip(1, "reserved");
        var oem = r.ReadByte("OEM");
        var (id, encoding) = ReadIdString(ref r);
        return new EventOnlyRecord
        {
            RecordId = header.RecordId,
            Version = header.Version,
            OwnerId = key.OwnerId,
            OwnerLun = key.OwnerLun,
            FruOwnerLun = key.FruOwnerLun,
            Channel = key.Channel,
            SensorNumber = key.SensorNumber,
            EntityId = key.EntityId,
            EntityInstance = key.EntityInstance,
            EntityIsLogicalContainer = key.IsLogicalContainer,
            SensorType = sensorType,
            EventReadingType = eventType,
            Sharing = sharing,
            Oem = oem,
            IdString = id,
            IdStringEncoding = encoding,
        };
    }

    // IPMI v2.0 §43.8 table 43-7.
    private static FruDeviceLocatorRecord DecodeFruLocator(SdrRecordHeader header, ReadOnlySpan<byte> body)
    {
        var r = new SpanReader(body);
        var access = r.ReadByte("device access address");
        var fruId = r.ReadByte("FRU device ID");
        var flags = r.ReadByte("logical/LUN/bus");
        var channel = r.ReadByte("channel");
        r.Skip(1, "reserved");
        var deviceType = r.ReadByte("device type");
        var modifier = r.ReadByte("device type modifier");
        var entityId = r.ReadByte("FRU entity ID");
        var instance = r.ReadByte("FRU entity instance");
        var oem = r.ReadByte("OEM");
        var (id, encoding) = ReadIdString(ref r);
        return new FruDeviceLocatorRecord
        {
            RecordId = header.RecordId,
            Version = header.Version,
            DeviceAccessAddress = access,
            FruDeviceId = fruId,
            IsLogicalFruDevice = (flags & 0x80) != 0,
            AccessLun = (byte)((flags >> 3) & 0x03),
            PrivateBusId = (byte)(flags & 0x07),
            Channel = (byte)(channel >> 4),
            DeviceType = deviceType,
            DeviceTypeModifier = modifier,
            EntityId = entityId,
            EntityInstance = instance,
            Oem = oem,
            IdString = id,
            IdStringEncoding = encoding,
        };
    }

    // IPMI v2.0 §43.9 table 43-8.
    private static McDeviceLocatorRecord DecodeMcLocator(SdrRecordHeader header, ReadOnlySpan<byte> body)
    {
        var r = new SpanReader(body);
        var address = r.ReadByte("device slave address");
        var channel = r.ReadByte("channel");
        var power = r.ReadByte("power state notification");
        var caps = r.ReadByte("device capabilities");
        r.Skip(3, "reserved");
        var entityId = r.ReadByte("entity ID");
        var instance = r.ReadByte("entity instance");
        var oem = r.ReadByte("OEM");
        var (id, encoding) = ReadIdString(ref r);
        return new McDeviceLocatorRecord
        {
            RecordId = header.RecordId,
            Version = header.Version,
            DeviceSlaveAddress = address,
            Channel = (byte)(channel & 0x0F),
            PowerStateNotification = power,
            DeviceCapabilities = caps,
            EntityId = entityId,
            EntityInstance = instance,
            Oem = oem,
            IdString = id,
            IdStringEncoding = encoding,
        };
    }
}
