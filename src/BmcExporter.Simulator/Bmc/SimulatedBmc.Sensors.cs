using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Simulator.Behaviour;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Bmc;

internal sealed partial class SimulatedBmc
{
    private byte Sensor(byte command, byte lun, ReadOnlySpan<byte> data, TimeSpan elapsed, out byte[]? result)
    {
        switch (command)
        {
            case GetSensorReading.Command:
                return Reading(lun, GetSensorReading.DecodeRequest(data), elapsed, out result);
            case GetSensorThresholds.Command:
                return Thresholds(lun, GetSensorThresholds.DecodeRequest(data), elapsed, out result);
            case GetSensorReadingFactors.Command:
                var (number, raw) = GetSensorReadingFactors.DecodeRequest(data);
                if (!_fleet.TryFindSensor(lun, number, elapsed, out var s, out _))
                {
                    return Fail(CompletionCode.NotPresent, out result);
                }

                return s.Record != SdrRecordKind.Full
                    ? Fail(CompletionCode.IllegalForSensorOrRecordType, out result)
                    : Ok(GetSensorReadingFactors.EncodeResponse((byte)Math.Min(255, raw + 1), s.Conversion.Factors), out result);
            case GetSensorHysteresis.Command:
                if (data.Length < 1 || !_fleet.TryFindSensor(lun, data[0], elapsed, out var h, out _))
                {
                    return Fail(data.Length < 1 ? CompletionCode.RequestDataLengthInvalid : CompletionCode.NotPresent, out result);
                }

                return Ok(GetSensorHysteresis.EncodeResponse(h.Hysteresis, h.Hysteresis), out result);
            default:
                return Unsupported(out result);
        }
    }

    /// <summary>Get Sensor Reading, IPMI v2.0 §35.14: raw value, scanning/availability flags, state bits.</summary>
    private byte Reading(byte lun, byte number, TimeSpan elapsed, out byte[]? result)
    {
        if (!_fleet.TryFindSensor(lun, number, elapsed, out var sensor, out var k) || sensor.Record == SdrRecordKind.EventOnly)
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        var reading = sensor.Mode switch
        {
            ReadingMode.Unavailable => SensorReadingData.Create(0, unavailable: true),
            ReadingMode.ScanningDisabled => SensorReadingData.Create(0, scanningEnabled: false),
            _ when sensor.IsThreshold => ThresholdReading(sensor, k, elapsed),
            _ => DiscreteReading(sensor, k, elapsed),
        };
        if ((Quirks & QuirkSet.ScanningDisabledBit) != 0 && sensor.Mode == ReadingMode.Normal)
        {
            // ignorescanningdisabled quirk: valid readings flagged "scanning disabled" (Dell, reference §5.1).
            reading = reading with { Flags = (byte)(reading.Flags & ~0x40) };
        }

        if ((Quirks & QuirkSet.SensorReadingNoStateBytes) != 0)
        {
            // Dell 2950-like: the optional state bytes are left out.
            return Ok([reading.Raw, reading.Flags], out result);
        }

        return Ok(GetSensorReading.EncodeResponse(reading), out result);
    }

    private SensorReadingData ThresholdReading(SensorDefinition sensor, int k, TimeSpan elapsed)
    {
        var load = SensorModel.Load(Profile.Load, _fleet.Seed, Index, elapsed);
        var value = SensorModel.AnalogValue(sensor, k, _fleet.Seed, Index, elapsed, load);
        var raw = sensor.Conversion.ToRaw(value, sensor.AnalogFormat);
        var shown = sensor.Conversion.ToValue(raw, sensor.AnalogFormat);
        var t = sensor.Thresholds;
        double? Q(double? threshold) => threshold is { } x ? sensor.Conversion.ToValue(sensor.Conversion.ToRaw(x, sensor.AnalogFormat), sensor.AnalogFormat) : null;

        // §35.14 byte 3: at-or-below lower thresholds, at-or-above upper thresholds.
        var states = 0;
        states |= Q(t.Lnc) is { } lnc && shown <= lnc ? 0x01 : 0;
        states |= Q(t.Lcr) is { } lcr && shown <= lcr ? 0x02 : 0;
        states |= Q(t.Lnr) is { } lnr && shown <= lnr ? 0x04 : 0;
        states |= Q(t.Unc) is { } unc && shown >= unc ? 0x08 : 0;
        states |= Q(t.Ucr) is { } ucr && shown >= ucr ? 0x10 : 0;
        states |= Q(t.Unr) is { } unr && shown >= unr ? 0x20 : 0;
        return new SensorReadingData(raw, 0xC0, (byte)states, 0x00);
    }

    private SensorReadingData DiscreteReading(SensorDefinition sensor, int k, TimeSpan elapsed)
    {
        var states = SensorModel.DiscreteStates(sensor, k, _fleet.Seed, Index, elapsed);
        byte raw = 0;
        if ((Quirks & QuirkSet.DiscreteAnalogReading) != 0 && sensor.Behaviour is not null)
        {
            // discretereading quirk (HP): an analog value in a sensor typed discrete.
            var load = SensorModel.Load(Profile.Load, _fleet.Seed, Index, elapsed);
            raw = sensor.Conversion.ToRaw(SensorModel.AnalogValue(sensor, k, _fleet.Seed, Index, elapsed, load), sensor.AnalogFormat);
        }

        return SensorReadingData.Create(raw, states);
    }

    /// <summary>Get Sensor Thresholds, IPMI v2.0 §35.9.</summary>
    private byte Thresholds(byte lun, byte number, TimeSpan elapsed, out byte[]? result)
    {
        if (!_fleet.TryFindSensor(lun, number, elapsed, out var sensor, out _))
        {
            return Fail(CompletionCode.NotPresent, out result);
        }

        if (!sensor.IsThreshold || sensor.Record != SdrRecordKind.Full)
        {
            return Fail(CompletionCode.IllegalForSensorOrRecordType, out result);
        }

        var t = sensor.Thresholds;
        byte Raw(double? v) => v is { } x ? sensor.Conversion.ToRaw(x, sensor.AnalogFormat) : (byte)0;
        var raw = new RawThresholds(Raw(t.Lnc), Raw(t.Lcr), Raw(t.Lnr), Raw(t.Unc), Raw(t.Ucr), Raw(t.Unr));
        return Ok(GetSensorThresholds.EncodeResponse(new SensorThresholdsData((ThresholdMask)t.Mask, raw)), out result);
    }
}
