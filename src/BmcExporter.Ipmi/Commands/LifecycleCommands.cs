namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Get System Restart Cause, Chassis 0x07 (IPMI v2.0 §28.11, table 28-11): why the system last started, and the
/// channel a command-caused restart came in on.
/// </summary>
public static class GetSystemRestartCause
{
    public const NetFn NetFunction = NetFn.Chassis;
    public const byte Command = 0x07;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    /// <summary>Byte 1 bits 3:0 the cause; byte 2 the channel (optional on old BMCs, then 0).</summary>
    public static (RestartCause Cause, byte Channel) DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var cause = (RestartCause)(r.ReadByte("restart cause") & 0x0F);
        var channel = r.Remaining > 0 ? (byte)(r.ReadByte("channel") & 0x0F) : (byte)0;
        return (cause, channel);
    }

    public static byte[] EncodeResponse(RestartCause cause, byte channel) => [(byte)((byte)cause & 0x0F), (byte)(channel & 0x0F)];

    /// <summary>The label value of a cause (snake case of the spec's wording).</summary>
    public static string Name(RestartCause cause) => cause switch
    {
        RestartCause.Unknown => "unknown",
        RestartCause.ChassisControl => "chassis_control",
        RestartCause.ResetButton => "reset_button",
        RestartCause.PowerButton => "power_button",
        RestartCause.Watchdog => "watchdog",
        RestartCause.Oem => "oem",
        RestartCause.PowerRestoreAlwaysOn => "power_restore_always_on",
        RestartCause.PowerRestorePrevious => "power_restore_previous",
        RestartCause.PefReset => "pef_reset",
        RestartCause.PefPowerCycle => "pef_power_cycle",
        RestartCause.SoftReset => "soft_reset",
        RestartCause.RtcWakeup => "rtc_wakeup",
        _ => "reserved",
    };
}

/// <summary>System restart causes (IPMI v2.0 table 28-11).</summary>
public enum RestartCause : byte
{
    Unknown = 0x0,
    ChassisControl = 0x1,
    ResetButton = 0x2,
    PowerButton = 0x3,
    Watchdog = 0x4,
    Oem = 0x5,
    PowerRestoreAlwaysOn = 0x6,
    PowerRestorePrevious = 0x7,
    PefReset = 0x8,
    PefPowerCycle = 0x9,
    SoftReset = 0xA,
    RtcWakeup = 0xB,
}

/// <summary>Get POH Counter, Chassis 0x0F (IPMI v2.0 §28.14): power-on time in counts of N minutes.</summary>
public static class GetPohCounter
{
    public const NetFn NetFunction = NetFn.Chassis;
    public const byte Command = 0x0F;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    /// <summary>Byte 1 minutes per count, bytes 2-5 the counter (LS byte first); returns the power-on time.</summary>
    public static TimeSpan DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var minutesPerCount = r.ReadByte("minutes per count");
        var counter = r.ReadUInt32("POH counter");
        return TimeSpan.FromMinutes((double)minutesPerCount * counter);
    }

    public static byte[] EncodeResponse(byte minutesPerCount, uint counter) =>
        [minutesPerCount, (byte)counter, (byte)(counter >> 8), (byte)(counter >> 16), (byte)(counter >> 24)];
}

/// <summary>Get Self Test Results, App 0x04 (IPMI v2.0 §20.4, table 20-5).</summary>
public static class GetSelfTestResults
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x04;

    /// <summary>Byte 1: no error.</summary>
    public const byte Passed = 0x55;

    /// <summary>Byte 1: self test not implemented.</summary>
    public const byte NotImplemented = 0x56;

    /// <summary>Byte 1: corrupted or inaccessible data or devices (byte 2 says which).</summary>
    public const byte Corrupted = 0x57;

    /// <summary>Byte 1: fatal hardware error.</summary>
    public const byte FatalError = 0x58;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    public static (byte Result, byte Detail) DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var result = r.ReadByte("self test result");
        var detail = r.Remaining > 0 ? r.ReadByte("self test detail") : (byte)0;
        return (result, detail);
    }

    public static byte[] EncodeResponse(byte result, byte detail) => [result, detail];

    /// <summary>The <c>result</c> label value of a self-test answer.</summary>
    public static string Name(byte result) => result switch
    {
        Passed => "passed",
        NotImplemented => "not_implemented",
        Corrupted => "corrupted_data_or_device",
        FatalError => "fatal_hardware_error",
        _ => "device_specific",
    };
}

/// <summary>Get SEL Time, Storage 0x48 (IPMI v2.0 §31.10): the BMC's clock as seconds since 1970 (LS byte first).</summary>
public static class GetSelTime
{
    public const NetFn NetFunction = NetFn.Storage;
    public const byte Command = 0x48;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    public static uint DecodeResponse(ReadOnlySpan<byte> data) => new SpanReader(data).ReadUInt32("SEL time");

    public static byte[] EncodeResponse(uint seconds) => [(byte)seconds, (byte)(seconds >> 8), (byte)(seconds >> 16), (byte)(seconds >> 24)];
}
