using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Get Device SDR Info, S/E 0x20 (IPMI v2.0 §35.2).</summary>
public static class GetDeviceSdrInfo
{
    public const NetFn NetFunction = NetFn.SensorEvent;
    public const byte Command = 0x20;

    /// <param name="countSdrs">True: ask for the SDR count (request byte 0x01); false: the sensor count on this LUN.</param>
    public static IpmiRequest CreateRequest(bool countSdrs = true) => new(NetFunction, Command, new[] { (byte)(countSdrs ? 0x01 : 0x00) });

    public static bool DecodeRequest(ReadOnlySpan<byte> data) => data.Length > 0 && (data[0] & 0x01) != 0;

    public static DeviceSdrInfo DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var count = r.ReadByte("SDR count");
        var flags = r.ReadByte("device SDR flags");
        uint? change = (flags & 0x80) != 0 && r.Remaining >= 4 ? r.ReadUInt32("sensor population change indicator") : null;
        return new DeviceSdrInfo(count, flags, change);
    }

    public static byte[] EncodeResponse(DeviceSdrInfo info)
    {
        if (info.PopulationChange is not { } change)
        {
            return [info.Count, info.Flags];
        }

        var b = new byte[6];
        b[0] = info.Count;
        b[1] = info.Flags;
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(2), change);
        return b;
    }
}

/// <summary>Device SDR info: count, flags (b7 dynamic population, b3:0 LUNs with sensors) and the change indicator.</summary>
public readonly record struct DeviceSdrInfo(byte Count, byte Flags, uint? PopulationChange = null)
{
    public bool DynamicPopulation => (Flags & 0x80) != 0;
}
