namespace BmcExporter.Ipmi.Commands;

/// <summary>Get Chassis Status, Chassis 0x01, no request data (IPMI v2.0 §28.2; protocol reference §3.2).</summary>
public static class GetChassisStatus
{
    public const NetFn NetFunction = NetFn.Chassis;
    public const byte Command = 0x01;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    public static ChassisStatus DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var power = r.ReadByte("current power state");
        var lastEvent = r.ReadByte("last power event");
        var misc = r.ReadByte("misc chassis state");
        byte? panel = r.Remaining > 0 ? r.ReadByte("front panel button capabilities") : null;
        return new ChassisStatus(power, lastEvent, misc, panel);
    }

    public static byte[] EncodeResponse(ChassisStatus status) => status.FrontPanel is { } panel
        ? [status.PowerState, status.LastPowerEvent, status.MiscState, panel]
        : [status.PowerState, status.LastPowerEvent, status.MiscState];
}

/// <summary>Chassis power restore policy, bits 6:5 of the power state byte.</summary>
public enum PowerRestorePolicy : byte
{
    AlwaysOff = 0,
    Previous = 1,
    AlwaysOn = 2,
    Unknown = 3,
}

/// <summary>Decoded Get Chassis Status response: the raw bytes plus named bits.</summary>
public readonly record struct ChassisStatus(byte PowerState, byte LastPowerEvent, byte MiscState, byte? FrontPanel = null)
{
    public bool PowerOn => (PowerState & 0x01) != 0;

    public bool PowerOverload => (PowerState & 0x02) != 0;

    public bool InterlockActive => (PowerState & 0x04) != 0;

    public bool MainPowerFault => (PowerState & 0x08) != 0;

    public bool PowerControlFault => (PowerState & 0x10) != 0;

    public PowerRestorePolicy RestorePolicy => (PowerRestorePolicy)((PowerState >> 5) & 0x03);

    public bool IntrusionActive => (MiscState & 0x01) != 0;

    public bool FrontPanelLockout => (MiscState & 0x02) != 0;

    public bool DriveFault => (MiscState & 0x04) != 0;

    public bool CoolingFault => (MiscState & 0x08) != 0;
}
