using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>DCMI commands, Group Extension netfn 0x2C with group body code 0xDC (DCMI 1.5 §6; protocol reference §3.7).</summary>
public static class Dcmi
{
    public const NetFn NetFunction = NetFn.GroupExtension;
    public const byte GroupCode = 0xDC;
    public const byte GetCapabilitiesCommand = 0x01;
    public const byte GetPowerReadingCommand = 0x02;

    /// <summary>Completion codes with which BMCs refuse DCMI power readings: unsupported, not a data error.</summary>
    public static bool IsUnsupported(byte completionCode) => completionCode is 0xC1 or 0xCC or 0xD4 or 0xD5 or 0xC2 or 0xCB or 0xD6;

    public static IpmiRequest CreateCapabilitiesRequest(byte parameter = 1)
        => new(NetFunction, GetCapabilitiesCommand, new[] { GroupCode, parameter });

    public static byte DecodeCapabilitiesRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        ExpectGroup(r.ReadByte("DCMI group code"));
        return r.ReadByte("parameter selector");
    }

    public static DcmiCapabilities DecodeCapabilitiesResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        ExpectGroup(r.ReadByte("DCMI group code"));
        var major = r.ReadByte("DCMI major version");
        var minor = r.ReadByte("DCMI minor version");
        var revision = r.ReadByte("parameter revision");
        return new DcmiCapabilities(major, minor, revision, r.RemainingSpan.ToArray());
    }

    public static byte[] EncodeCapabilitiesResponse(DcmiCapabilities capabilities)
    {
        var b = new byte[4 + capabilities.ParameterData.Length];
        b[0] = GroupCode;
        b[1] = capabilities.MajorVersion;
        b[2] = capabilities.MinorVersion;
        b[3] = capabilities.ParameterRevision;
        capabilities.ParameterData.Span.CopyTo(b.AsSpan(4));
        return b;
    }

    /// <summary>Get Power Reading, mode 1 (system power statistics) unless told otherwise.</summary>
    public static IpmiRequest CreatePowerReadingRequest(byte mode = 0x01, byte modeAttributes = 0x00)
        => new(NetFunction, GetPowerReadingCommand, new byte[] { GroupCode, mode, modeAttributes, 0x00 });

    public static (byte Mode, byte ModeAttributes) DecodePowerReadingRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        ExpectGroup(r.ReadByte("DCMI group code"));
        return (r.ReadByte("reading mode"), r.ReadByte("mode attributes"));
    }

    public static DcmiPowerReading DecodePowerReadingResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        ExpectGroup(r.ReadByte("DCMI group code"));
        return new DcmiPowerReading(
            r.ReadUInt16("current power"),
            r.ReadUInt16("minimum power"),
            r.ReadUInt16("maximum power"),
            r.ReadUInt16("average power"),
            r.ReadUInt32("timestamp"),
            r.ReadUInt32("statistics period"),
            r.ReadByte("reading state"));
    }

    public static byte[] EncodePowerReadingResponse(DcmiPowerReading reading)
    {
        var b = new byte[18];
        b[0] = GroupCode;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(1), reading.CurrentWatts);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(3), reading.MinimumWatts);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(5), reading.MaximumWatts);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(7), reading.AverageWatts);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(9), reading.Timestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(13), reading.StatisticsPeriod);
        b[17] = reading.State;
        return b;
    }

    private static void ExpectGroup(byte code)
    {
        if (code != GroupCode)
        {
            throw new IpmiProtocolException($"DCMI response group code 0x{code:X2}, expected 0x{GroupCode:X2}.");
        }
    }
}

/// <summary>Get DCMI Capabilities Info response: versions and the selected parameter's data.</summary>
public readonly record struct DcmiCapabilities(byte MajorVersion, byte MinorVersion, byte ParameterRevision, ReadOnlyMemory<byte> ParameterData)
{
    /// <summary>Parameter 1 (supported capabilities) byte 1 bit 0: power management supported.</summary>
    public bool PowerManagementSupported => ParameterData.Length >= 2 && (ParameterData.Span[1] & 0x01) != 0;
}

/// <summary>Get Power Reading response (watts, IPMI timestamp, statistics period, state).</summary>
public readonly record struct DcmiPowerReading(
    ushort CurrentWatts,
    ushort MinimumWatts,
    ushort MaximumWatts,
    ushort AverageWatts,
    uint Timestamp,
    uint StatisticsPeriod,
    byte State)
{
    /// <summary>State bit 6: power measurement active; when clear the values are not meaningful.</summary>
    public bool MeasurementActive => (State & 0x40) != 0;
}
