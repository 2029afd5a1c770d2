using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Sensors;

public sealed class SensorInterpreterTests
{
    private static SdrSensor Sensor(byte[] vector) => SdrSensors.Expand([SdrDecoder.Decode(vector)])[0];

    [Fact]
    public void Interpret_ThresholdSensorOk_ValueUnitThresholds()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), SensorReadingData.Create(45));

        Assert.Equal(45.0, reading.Value);
        Assert.Equal("degrees C", reading.Unit);
        Assert.Equal("Temperature", reading.SensorType);
        Assert.Equal(SensorStatus.Ok, reading.Status);
        Assert.Equal(90.0, reading.Thresholds.UpperNonRecoverable);
        Assert.Null(reading.Thresholds.LowerCritical);
        Assert.Empty(reading.AssertedStates);
        Assert.Null(reading.Reason);
    }

    [Theory]
    [InlineData(0x00, SensorStatus.Ok)]
    [InlineData(0x01, SensorStatus.Warning)]
    [InlineData(0x08, SensorStatus.Warning)]
    [InlineData(0x02, SensorStatus.Critical)]
    [InlineData(0x18, SensorStatus.Critical)]
    [InlineData(0x04, SensorStatus.NonRecoverable)]
    [InlineData(0x38, SensorStatus.NonRecoverable)]
    [InlineData(0xC0, SensorStatus.Ok)]
    public void Interpret_ThresholdStateBits_Status(byte states, SensorStatus expected)
    {
        var data = new SensorReadingData(85, 0xC0, states);

        Assert.Equal(expected, SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), data).Status);
    }

    [Fact]
    public void Interpret_ScanningDisabled_UnavailableNotZero()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), new SensorReadingData(0, 0x80));

        Assert.Equal(SensorStatus.Unavailable, reading.Status);
        Assert.Null(reading.Value);
        Assert.True(reading.ScanningDisabled);
        Assert.Equal("sensor scanning disabled", reading.Reason);
    }

    [Fact]
    public void Interpret_ScanningDisabledIgnored_ValueReported()
    {
        var options = new SensorInterpretOptions { IgnoreScanningDisabled = true };

        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), new SensorReadingData(40, 0x80), options: options);

        Assert.Equal(40.0, reading.Value);
        Assert.False(reading.ScanningDisabled);
    }

    [Fact]
    public void Interpret_ReadingUnavailableBit_Unavailable()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.Fan1), new SensorReadingData(0, 0xE0));

        Assert.Equal(SensorStatus.Unavailable, reading.Status);
        Assert.False(reading.ScanningDisabled);
        Assert.True(reading.ReadingUnavailable);
        Assert.Null(reading.Value);
    }

    [Fact]
    public void Interpret_DiscretePsuFailure_StatesNamesCritical()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.Psu1Status), SensorReadingData.Create(0, states: 0x0003));

        Assert.Null(reading.Value);
        Assert.Equal("discrete", reading.Unit);
        Assert.Equal([0, 1], reading.AssertedStates);
        Assert.Equal(["Presence detected", "Failure detected"], reading.StateNames);
        Assert.Equal(SensorStatus.Critical, reading.Status);
    }

    [Fact]
    public void Interpret_DiscreteMissingStateBytes_NoneAssertedOk()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.Psu1Status), new SensorReadingData(0, 0xC0));

        Assert.Empty(reading.AssertedStates);
        Assert.Equal(SensorStatus.Ok, reading.Status);
    }

    [Fact]
    public void Interpret_LiveThresholds_PreferredOverSdr()
    {
        var live = new SensorThresholdsData(ThresholdMask.UpperCritical, new RawThresholds(0, 0, 0, 0, 95, 0));

        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), SensorReadingData.Create(45), live);

        Assert.Equal(95.0, reading.Thresholds.UpperCritical);
        Assert.Null(reading.Thresholds.UpperNonRecoverable);
    }

    [Fact]
    public void Interpret_NonLinearWithFactors_UsesFactorsWithoutLinearization()
    {
        var record = (FullSensorRecord)SdrDecoder.Decode(SdrVectors.CpuTemp) with { Linearization = 0x70 };
        var sensor = SdrSensors.Expand([record])[0];

        var reading = SensorInterpreter.Interpret(sensor, SensorReadingData.Create(10), factors: new ReadingFactors(3, 0, 0, 0));

        Assert.Equal(30.0, reading.Value);
        Assert.Equal(270.0, reading.Thresholds.UpperNonRecoverable);
    }

    [Fact]
    public void Unavailable_NotReadable_CarriesReason()
    {
        var reading = SensorInterpreter.Unavailable(Sensor(SdrVectors.Fan1), "owned elsewhere", readable: false);

        Assert.False(reading.Readable);
        Assert.Equal(SensorStatus.Unavailable, reading.Status);
        Assert.Equal("owned elsewhere", reading.Reason);
        Assert.Equal("unavailable", reading.Status.ToWireName());
    }

    [Theory]
    [InlineData(0x6F, 0x0D, 0x0002, SensorStatus.Critical)]
    [InlineData(0x6F, 0x0D, 0x0001, SensorStatus.Ok)]
    [InlineData(0x6F, 0x05, 0x0001, SensorStatus.Critical)]
    [InlineData(0x0B, 0x08, 0x0002, SensorStatus.Critical)]
    [InlineData(0x0B, 0x08, 0x0001, SensorStatus.Ok)]
    [InlineData(0x6F, 0x0C, 0x0001, SensorStatus.Warning)]
    [InlineData(0x6F, 0x0C, 0x0002, SensorStatus.Critical)]
    [InlineData(0x07, 0x12, 0x0040, SensorStatus.NonRecoverable)]
    [InlineData(0x6F, 0x29, 0x0001, SensorStatus.Warning)]
    public void DiscreteSeverity_KnownOffsets(byte eventType, byte sensorType, ushort states, SensorStatus expected)
    {
        Assert.Equal(expected, DiscreteSeverity.Evaluate(eventType, sensorType, states));
    }

    [Theory]
    [InlineData(false, SensorKind.Other)]
    [InlineData(true, SensorKind.FanRatio)]
    public void Interpret_DiscreteFanPercentWithDiscreteReading_FanRatioKind(bool discreteReading, SensorKind expected)
    {
        // HP's discrete fan sensors carry an analog percentage (FreeIPMI workaround "discretereading").
        var full = (FullSensorRecord)SdrDecoder.Decode(SdrVectors.Fan1) with
        {
            EventReadingType = 0x03,
            Units = SensorUnits.Create(0, percentage: true),
            Factors = ReadingFactors.Identity,
        };
        var sensor = SdrSensors.Expand([full])[0];

        var reading = SensorInterpreter.Interpret(
            sensor, new SensorReadingData(40, 0xC0, 0x01), options: new SensorInterpretOptions { DiscreteReading = discreteReading });

        Assert.Equal(expected, reading.Kind);
        Assert.Equal(discreteReading ? 40.0 : null, reading.Value);
        Assert.Equal(SensorState.Nominal, reading.State); // Fan_State offset 0 (deasserted) is Nominal
    }

    // A fleet keeps every reading for an interval, so a reading is one object, not a template and its clone; the
    // byte counts are exact (one thread, warmed up), with one clone of the result as the measure of one reading.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Interpret_AllocatesOneReadingAndNothingElse(bool discrete)
    {
        var sensor = Sensor(discrete ? SdrVectors.Psu1Status : SdrVectors.CpuTemp);
        var data = discrete ? SensorReadingData.Create(0, states: 0x0000) : SensorReadingData.Create(45);
        var reading = SensorInterpreter.Interpret(sensor, data);
        _ = reading with { };

        var before = GC.GetAllocatedBytesForCurrentThread();
        reading = SensorInterpreter.Interpret(sensor, data);
        var interpreted = GC.GetAllocatedBytesForCurrentThread() - before;
        before = GC.GetAllocatedBytesForCurrentThread();
        var clone = reading with { };
        var oneReading = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(oneReading, interpreted);
        Assert.Equal(reading, clone);
        Assert.Empty(reading.AssertedStates);
    }

    [Fact]
    public void Interpret_DiscreteStates_ExactArraysInOffsetOrder()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.Psu1Status), SensorReadingData.Create(0, states: 0x0009));

        Assert.Equal([0, 3], reading.AssertedStates);
        Assert.Equal(["Presence detected", "Power Supply AC lost"], reading.StateNames);
    }
}
