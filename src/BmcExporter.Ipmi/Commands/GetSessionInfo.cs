using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Get Session Info, App 0x3D (IPMI v2.0 §22.20, table 22-26), asked for the current session (index 0x00):
/// who the session runs as and at which privilege it operates.
/// </summary>
public static class GetSessionInfo
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x3D;

    /// <summary>Session index 0x00: the session the request arrives on.</summary>
    public const byte CurrentSession = 0x00;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, new[] { CurrentSession });

    /// <summary>Decodes the first six bytes: handle, slot counts, user ID, operating privilege and channel.</summary>
    public static SessionInfo DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var handle = r.ReadByte("session handle");
        var possible = (byte)(r.ReadByte("possible active sessions") & 0x3F);
        var active = (byte)(r.ReadByte("active sessions") & 0x3F);
        var user = (byte)(r.ReadByte("user ID") & 0x3F);
        var privilege = (PrivilegeLevel)(r.ReadByte("operating privilege level") & 0x0F);
        var channel = (byte)(r.ReadByte("channel number") & 0x0F);
        return new SessionInfo(handle, possible, active, user, privilege, channel);
    }

    /// <summary>Encodes the six-byte answer (simulator side).</summary>
    public static byte[] EncodeResponse(SessionInfo info) =>
        [info.Handle, (byte)(info.PossibleSessions & 0x3F), (byte)(info.ActiveSessions & 0x3F), (byte)(info.UserId & 0x3F), (byte)((byte)info.Privilege & 0x0F), (byte)(info.Channel & 0x0F)];
}

/// <summary>The current session as the BMC sees it (Get Session Info, IPMI v2.0 §22.20).</summary>
public readonly record struct SessionInfo(byte Handle, byte PossibleSessions, byte ActiveSessions, byte UserId, PrivilegeLevel Privilege, byte Channel);
