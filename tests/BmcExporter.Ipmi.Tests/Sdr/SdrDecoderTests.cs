using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Tests.Sdr;

public sealed class SdrDecoderTests
{
    [Fact]
    public void Decode_HarnessCpuTemp_AllFieldsMatchIpmitoolReading()
    {
        var record = Assert.IsType<FullSensorRecord>(SdrDecoder.Decode(SdrVectors.HarnessCpuTemp));

        Assert.Equal("CPU Temp", record.IdString);
        Assert.Equal(0x20, record.OwnerId);
        Assert.Equal(1, record.SensorNumber);
        Assert.Equal(0x07, record.EntityId);
        Assert.Equal(1, record.EntityInstance);
        Assert.Equal(0x01, record.SensorType);
        Assert.True(record.IsThresholdBased);
        Assert.Equal("degrees C", record.Units.ToString());
        Assert.Equal(AnalogDataFormat.Unsigned, record.Units.Format);
        Assert.Equal(45.0, record.Convert(45));
        Assert.Equal(ThresholdMask.All, record.ReadableThresholds);
        var t = record.ConvertThresholds(record.Thresholds, record.ReadableThresholds);
        Assert.Equal(new SensorThresholds(0, 5, 10, 80, 90, 100), t);
        Assert.Equal(2, record.PositiveHysteresis);
        Assert.Equal(2, record.NegativeHysteresis);
    }

    [Fact]
    public void Decode_ProtocolDocRecords_TypesNamesAndConversions()
    {
        var mc = Assert.IsType<McDeviceLocatorRecord>(SdrDecoder.Decode(SdrVectors.McLocator));
        Assert.Equal("BMC", mc.IdString);
        Assert.Equal(0x20, mc.DeviceSlaveAddress);
        Assert.Equal(0x9F, mc.DeviceCapabilities);
        Assert.Equal(0x07, mc.EntityId);

        var cpu = Assert.IsType<FullSensorRecord>(SdrDecoder.Decode(SdrVectors.CpuTemp));
        Assert.Equal(ThresholdMask.UpperNonCritical | ThresholdMask.UpperCritical | ThresholdMask.UpperNonRecoverable, cpu.ReadableThresholds);
        var cpuT = cpu.ConvertThresholds(cpu.Thresholds, cpu.ReadableThresholds);
        Assert.Equal(new SensorThresholds(null, null, null, 70, 80, 90), cpuT);

        var fan = Assert.IsType<FullSensorRecord>(SdrDecoder.Decode(SdrVectors.Fan1));
        Assert.Equal("FAN1", fan.IdString);
        Assert.Equal("RPM", fan.Units.ToString());
        Assert.Equal(3000.0, fan.Convert(60));
        var fanT = fan.ConvertThresholds(fan.Thresholds, fan.ReadableThresholds);
        Assert.Equal(500.0, fanT.LowerCritical);
        Assert.Equal(1000.0, fanT.LowerNonCritical);
        Assert.Null(fanT.UpperCritical);

        var volt = Assert.IsType<FullSensorRecord>(SdrDecoder.Decode(SdrVectors.Volt12));
        Assert.Equal("Volts", volt.Units.ToString());
        Assert.Equal(-2, volt.Factors.ResultExponent);
        Assert.Equal(12.0, volt.Convert(200));
        var voltT = volt.ConvertThresholds(volt.Thresholds, volt.ReadableThresholds);
        Assert.Equal(12.9, voltT.UpperCritical!.Value, 10);
        Assert.Equal(11.1, voltT.LowerCritical!.Value, 10);

        var psu = Assert.IsType<CompactSensorRecord>(SdrDecoder.Decode(SdrVectors.Psu1Status));
        Assert.Equal("PSU1 Status", psu.IdString);
        Assert.Equal(0x08, psu.SensorType);
        Assert.Equal(0x6F, psu.EventReadingType);
        Assert.Equal(AnalogDataFormat.None, psu.Units.Format);
        Assert.Equal(1, psu.Sharing.EffectiveCount);
    }

    [Theory]
    [MemberData(nameof(AllVectors))]
    public void Encode_DecodedVector_ReproducesBytesExactly(byte[] vector)
    {
        var encoded = SdrEncoder.Encode(SdrDecoder.Decode(vector));

        Assert.Equal(vector, encoded);
    }

    [Theory]
    [MemberData(nameof(AllVectors))]
    public void Decode_TruncatedAtEveryLength_ThrowsProtocolException(byte[] vector)
    {
        for (var length = 0; length < vector.Length; length++)
        {
            var prefix = vector.AsSpan(0, length).ToArray();
            Assert.Throws<IpmiProtocolException>(() => SdrDecoder.Decode(prefix));
        }
    }

    [Fact]
    public void Decode_PaddedRecord_IgnoresBytesBeyondLength()
    {
        var padded = SdrVectors.Fan1.Concat(new byte[] { 0xAA, 0xBB, 0xCC, 0xDD, 0xEE, 0xFF }).ToArray();

        var record = Assert.IsType<FullSensorRecord>(SdrDecoder.Decode(padded));

        Assert.Equal("FAN1", record.IdString);
        Assert.Equal(SdrVectors.Fan1.Length, SdrDecoder.Trim(padded).Length);
    }

    [Fact]
    public void Decode_IdStringLongerThanRecord_ThrowsProtocolException()
    {
        var bytes = (byte[])SdrVectors.McLocator.Clone();
        bytes[15] = 0xC8; // claims 8 ID bytes, only 3 present

        Assert.Throws<IpmiProtocolException>(() => SdrDecoder.Decode(bytes));
    }

    [Fact]
    public void Decode_OemRecord_KeptOpaqueWithManufacturer()
    {
        byte[] oem = [0x10, 0x00, 0x51, 0xC0, 0x05, 0x57, 0x01, 0x00, 0xAB, 0xCD];

        var record = Assert.IsType<OpaqueSdrRecord>(SdrDecoder.Decode(oem));

        Assert.Equal(0xC0, record.RecordTypeCode);
        Assert.Equal(0x157u, record.ManufacturerId);
        Assert.Equal(oem, SdrEncoder.Encode(record));
    }

    [Fact]
    public void Decode_UnknownType_KeptOpaque()
    {
        byte[] unknown = [0x11, 0x00, 0x51, 0x08, 0x02, 0x01, 0x02];

        var record = Assert.IsType<OpaqueSdrRecord>(SdrDecoder.Decode(unknown));

        Assert.Equal(0x08, record.RecordTypeCode);
        Assert.Null(record.ManufacturerId);
    }

    [Fact]
    public void EncodeDecode_FruLocatorAndEventOnly_RoundTrip()
    {
        var fru = new FruDeviceLocatorRecord
        {
            RecordId = 7,
            FruDeviceId = 3,
            AccessLun = 1,
            PrivateBusId = 2,
            Channel = 5,
            DeviceTypeModifier = 0x02,
            EntityId = 0x0A,
            EntityInstance = 2,
            IdString = "PSU2 FRU",
        };
        var eventOnly = new EventOnlyRecord
        {
            RecordId = 8,
            SensorNumber = 0x40,
            EntityId = 0x07,
            SensorType = 0x10,
            EventReadingType = 0x6F,
            Sharing = new RecordSharing(2, IdStringModifierType.Alpha, 0, true),
            IdString = "SEL",
        };

        Assert.Equal(fru, SdrDecoder.Decode(SdrEncoder.Encode(fru)));
        Assert.Equal(eventOnly, SdrDecoder.Decode(SdrEncoder.Encode(eventOnly)));
    }

    [Fact]
    public void EncodeDecode_FullRecordWithEveryField_RoundTrip()
    {
        var full = new FullSensorRecord
        {
            RecordId = 0x1234,
            OwnerId = 0x2C,
            OwnerLun = 3,
            Channel = 2,
            SensorNumber = 0x99,
            EntityId = 0x03,
            EntityInstance = 0x61,
            EntityIsLogicalContainer = true,
            SensorType = 0x02,
            EventReadingType = 0x01,
            AssertionMask = 0x7A95,
            DeassertionMask = 0x7A95,
            ReadingMask = 0x3F3F,
            Units = SensorUnits.Create(6, AnalogDataFormat.TwosComplement, RateUnit.PerSecond, ModifierUnitRelation.Divide, 22, true),
            Linearization = 0x07,
            Factors = new ReadingFactors(-300, 400, -3, 2, 17, 777, 2, 1),
            AnalogFlags = 7,
            NominalReading = 1,
            NormalMaximum = 2,
            NormalMinimum = 3,
            SensorMaximum = 4,
            SensorMinimum = 5,
            Thresholds = new RawThresholds(6, 7, 8, 9, 10, 11),
            PositiveHysteresis = 12,
            NegativeHysteresis = 13,
            Oem = 0xEE,
            IdString = "ABC-12",
            IdStringEncoding = IdStringEncoding.Packed6BitAscii,
        };

        var decoded = SdrDecoder.Decode(SdrEncoder.Encode(full));

        Assert.Equal(full, decoded);
    }

    public static TheoryData<byte[]> AllVectors() => new()
    {
        SdrVectors.HarnessCpuTemp,
        SdrVectors.McLocator,
        SdrVectors.CpuTemp,
        SdrVectors.Fan1,
        SdrVectors.Volt12,
        SdrVectors.Psu1Status,
    };
}
