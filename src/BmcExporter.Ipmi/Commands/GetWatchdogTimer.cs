using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Get Watchdog Timer, App 0x25, no request data (IPMI v2.0 §27.7).</summary>
public static class GetWatchdogTimer
{
    public const NetFn NetFunction = NetFn.App;
    public const byte Command = 0x25;

    /// <summary>Response data length after the completion code.</summary>
    public const int ResponseLength = 8;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    public static WatchdogTimer DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var use = r.ReadByte("timer use");
        var actions = r.ReadByte("timer actions");
        var preTimeout = r.ReadByte("pre-timeout interval");
        var expirations = r.ReadByte("timer use expiration flags");
        var initial = r.ReadUInt16("initial countdown value");
        var present = r.ReadUInt16("present countdown value");
        return new WatchdogTimer(use, actions, preTimeout, expirations, initial, present);
    }

    public static byte[] EncodeResponse(WatchdogTimer timer)
    {
        var b = new byte[ResponseLength];
        b[0] = timer.TimerUseByte;
        b[1] = timer.ActionsByte;
        b[2] = timer.PreTimeoutIntervalSeconds;
        b[3] = timer.ExpirationFlags;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(4), timer.InitialCountdown);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(6), timer.PresentCountdown);
        return b;
    }
}

/// <summary>
/// A decoded Get Watchdog Timer response (IPMI v2.0 §27.7, table 27-7): the raw bytes plus named fields.
/// Countdowns count 100 ms units.
/// </summary>
public readonly record struct WatchdogTimer(
    byte TimerUseByte,
    byte ActionsByte,
    byte PreTimeoutIntervalSeconds,
    byte ExpirationFlags,
    ushort InitialCountdown,
    ushort PresentCountdown)
{
    /// <summary>Timer use, bits 2:0 of byte 1: 1 BIOS FRB2, 2 BIOS/POST, 3 OS Load, 4 SMS/OS, 5 OEM.</summary>
    public int TimerUse => TimerUseByte & 0x07;

    /// <summary>Bit 6 of byte 1: the timer is running.</summary>
    public bool Running => (TimerUseByte & 0x40) != 0;

    /// <summary>Bit 7 of byte 1, "don't log": the BMC will not log the expiration.</summary>
    public bool DontLog => (TimerUseByte & 0x80) != 0;

    /// <summary>Timeout action, bits 2:0 of byte 2: 0 none, 1 hard reset, 2 power down, 3 power cycle.</summary>
    public int TimeoutAction => ActionsByte & 0x07;

    /// <summary>Pre-timeout interrupt, bits 6:4 of byte 2: 0 none, 1 SMI, 2 NMI / diagnostic, 3 messaging.</summary>
    public int PreTimeoutInterrupt => (ActionsByte >> 4) & 0x07;
}
