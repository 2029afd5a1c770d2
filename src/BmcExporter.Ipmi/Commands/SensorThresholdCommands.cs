using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Get Sensor Thresholds, S/E 0x27 (IPMI v2.0 §35.9; protocol reference §3.5).</summary>
public static class GetSensorThresholds
{
    public const NetFn NetFunction = NetFn.SensorEvent;
    public const byte Command = 0x27;

    public static IpmiRequest CreateRequest(byte sensorNumber, byte ownerAddress = IpmiAddresses.Bmc, byte ownerLun = 0, byte? bridgeChannel = null)
        => new(NetFunction, Command, new[] { sensorNumber }, ownerAddress, ownerLun, bridgeChannel);

    public static byte DecodeRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return r.ReadByte("sensor number");
    }

    public static SensorThresholdsData DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var mask = (ThresholdMask)(r.ReadByte("readable threshold mask") & 0x3F);
        var raw = new RawThresholds(
            r.ReadByte("LNC"),
            r.ReadByte("LCR"),
            r.ReadByte("LNR"),
            r.ReadByte("UNC"),
            r.ReadByte("UCR"),
            r.ReadByte("UNR"));
        return new SensorThresholdsData(mask, raw);
    }

    public static byte[] EncodeResponse(SensorThresholdsData data) =>
    [
        (byte)data.Readable,
        data.Raw.LowerNonCritical,
        data.Raw.LowerCritical,
        data.Raw.LowerNonRecoverable,
        data.Raw.UpperNonCritical,
        data.Raw.UpperCritical,
        data.Raw.UpperNonRecoverable,
    ];
}

/// <summary>Readable-threshold mask and raw thresholds from Get Sensor Thresholds.</summary>
public readonly record struct SensorThresholdsData(ThresholdMask Readable, RawThresholds Raw);

/// <summary>Get Sensor Reading Factors, S/E 0x23: factors for one raw reading of a non-linear sensor (IPMI v2.0 §35.5).</summary>
public static class GetSensorReadingFactors
{
    public const NetFn NetFunction = NetFn.SensorEvent;
    public const byte Command = 0x23;

    public static IpmiRequest CreateRequest(byte sensorNumber, byte rawReading, byte ownerAddress = IpmiAddresses.Bmc, byte ownerLun = 0, byte? bridgeChannel = null)
        => new(NetFunction, Command, new[] { sensorNumber, rawReading }, ownerAddress, ownerLun, bridgeChannel);

    public static (byte SensorNumber, byte RawReading) DecodeRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return (r.ReadByte("sensor number"), r.ReadByte("reading byte"));
    }

    /// <summary>Decodes [next reading][6 factor bytes packed as SDR bytes 25-30].</summary>
    public static (byte NextReading, ReadingFactors Factors) DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var next = r.ReadByte("next reading");
        return (next, ReadingFactors.Decode(r.ReadBytes(ReadingFactors.Size, "reading factors")));
    }

    public static byte[] EncodeResponse(byte nextReading, ReadingFactors factors)
    {
        var b = new byte[1 + ReadingFactors.Size];
        b[0] = nextReading;
        factors.Write(b.AsSpan(1));
        return b;
    }
}

/// <summary>Get Sensor Hysteresis, S/E 0x25: positive and negative hysteresis in raw counts (IPMI v2.0 §35.7).</summary>
public static class GetSensorHysteresis
{
    public const NetFn NetFunction = NetFn.SensorEvent;
    public const byte Command = 0x25;

    public static IpmiRequest CreateRequest(byte sensorNumber, byte ownerAddress = IpmiAddresses.Bmc, byte ownerLun = 0)
        => new(NetFunction, Command, new[] { sensorNumber, (byte)0xFF }, ownerAddress, ownerLun);

    public static (byte Positive, byte Negative) DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return (r.ReadByte("positive hysteresis"), r.ReadByte("negative hysteresis"));
    }

    public static byte[] EncodeResponse(byte positive, byte negative) => [positive, negative];
}
