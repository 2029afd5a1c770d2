namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Set Session Privilege Level, App 0x3B (IPMI v2.0 §22.18): request [requested level] (0 = read the current
/// level), response [new level]. Levels are 1 callback, 2 user, 3 operator, 4 administrator, 5 OEM.
/// </summary>
public static class SetSessionPrivilegeLevel
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x3B;

    /// <summary>Completion code: requested level not available for this user.</summary>
    public const byte LevelNotAvailable = 0x80;

    /// <summary>Completion code: requested level exceeds the channel or user privilege limit.</summary>
    public const byte LevelExceedsLimit = 0x81;

    public static IpmiRequest CreateRequest(byte level) => new(NetFunction, Command, new[] { (byte)(level & 0x0F) });

    public static byte DecodeRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return (byte)(r.ReadByte("requested privilege level") & 0x0F);
    }

    public static byte DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return (byte)(r.ReadByte("new privilege level") & 0x0F);
    }

    public static byte[] EncodeResponse(byte level) => [(byte)(level & 0x0F)];
}
