using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Get Sensor Reading, S/E 0x2D (IPMI v2.0 §35.14; protocol reference §3.4).</summary>
public static class GetSensorReading
{
    public const NetFn NetFunction = NetFn.SensorEvent;
    public const byte Command = 0x2D;

    public static IpmiRequest CreateRequest(byte sensorNumber, byte ownerAddress = IpmiAddresses.Bmc, byte ownerLun = 0, byte? bridgeChannel = null)
        => new(NetFunction, Command, new[] { sensorNumber }, ownerAddress, ownerLun, bridgeChannel);

    public static byte DecodeRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return r.ReadByte("sensor number");
    }

    public static SensorReadingData DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var raw = r.ReadByte("sensor reading");
        var flags = r.ReadByte("reading flags");
        byte? states1 = r.Remaining > 0 ? r.ReadByte("state bits 0-7") : null;
        byte? states2 = r.Remaining > 0 ? r.ReadByte("state bits 8-14") : null;
        return new SensorReadingData(raw, flags, states1, states2);
    }

    public static byte[] EncodeResponse(SensorReadingData reading) => (reading.States1, reading.States2) switch
    {
        ({ } s1, { } s2) => [reading.Raw, reading.Flags, s1, s2],
        ({ } s1, null) => [reading.Raw, reading.Flags, s1],
        _ => [reading.Raw, reading.Flags],
    };
}

/// <summary>
/// Decoded Get Sensor Reading response. State bytes are optional on the wire (a BMC may omit them, e.g. Dell
/// 2950): absent means no state asserted.
/// </summary>
public readonly record struct SensorReadingData(byte Raw, byte Flags, byte? States1 = null, byte? States2 = null)
{
    /// <summary>Flags bit 7 = 0 means all event messages are disabled for the sensor.</summary>
    public bool EventMessagesEnabled => (Flags & 0x80) != 0;

    /// <summary>Flags bit 6 = 0: sensor scanning disabled, the reading is not valid.</summary>
    public bool ScanningEnabled => (Flags & 0x40) != 0;

    /// <summary>Flags bit 5 = 1: reading/state unavailable (initial update in progress or entity absent).</summary>
    public bool ReadingUnavailable => (Flags & 0x20) != 0;

    /// <summary>Threshold comparison bits (byte 3 bits 5:0; bits 7:6 are reserved and may read as 1).</summary>
    public ThresholdMask ThresholdStates => (ThresholdMask)((States1 ?? 0) & 0x3F);

    /// <summary>Discrete state bitmap, offsets 0-14.</summary>
    public ushort DiscreteStates => (ushort)((States1 ?? 0) | (((States2 ?? 0) & 0x7F) << 8));

    /// <summary>Builds a reading with scanning enabled and events enabled unless told otherwise.</summary>
    public static SensorReadingData Create(
        byte raw,
        ushort states = 0,
        bool scanningEnabled = true,
        bool unavailable = false,
        bool eventsEnabled = true)
    {
        var flags = (byte)((eventsEnabled ? 0x80 : 0) | (scanningEnabled ? 0x40 : 0) | (unavailable ? 0x20 : 0));
        return new SensorReadingData(raw, flags, (byte)states, (byte)(0x80 | ((states >> 8) & 0x7F)));
    }
}
