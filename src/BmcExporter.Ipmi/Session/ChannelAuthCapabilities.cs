namespace BmcExporter.Ipmi.Session;

/// <summary>
/// Get Channel Authentication Capabilities, App 0x38 (IPMI v2.0 §22.13), sent before a session in IPMI 1.5
/// framing. Request data: <c>[0x80 | channel]</c> (bit 7 asks for IPMI v2.0 extended data) and the privilege.
/// The response fields are for diagnostics only: several BMCs report wrong user/K_g bits (authcap quirk).
/// </summary>
public readonly record struct ChannelAuthCapabilities(
    byte Channel,
    byte AuthTypeSupport,
    byte Flags,
    byte ExtendedCapabilities,
    uint OemIana,
    byte OemAuxiliary)
{
    public const byte Command = 0x38;
    public const byte CurrentChannel = 0x0E;
    public const byte ExtendedDataFlag = 0x80;
    public const int ResponseDataLength = 8;

    /// <summary>Bit 7 of byte 1: IPMI v2.0 extended capabilities (RMCP+) available.</summary>
    public bool SupportsIpmi20 => (AuthTypeSupport & 0x80) != 0 || (ExtendedCapabilities & 0x02) != 0;

    /// <summary>Bit 5 of byte 2: the BMC key K_g is non-zero (two-key login).</summary>
    public bool KgEnabled => (Flags & 0x20) != 0;

    /// <summary>Writes the 2-byte request data.</summary>
    public static int WriteRequestData(Span<byte> destination, PrivilegeLevel privilege, bool extended = true, byte channel = CurrentChannel)
    {
        destination[0] = (byte)((extended ? ExtendedDataFlag : 0) | (channel & 0x0F));
        destination[1] = (byte)privilege;
        return 2;
    }

    /// <summary>Parses response data (after the completion code). IPMI 1.5 BMCs may omit the trailing bytes.</summary>
    public static ChannelAuthCapabilities Parse(ReadOnlySpan<byte> data)
    {
        var reader = new SpanReader(data);
        var channel = reader.ReadByte("channel number");
        var authTypes = reader.ReadByte("authentication type support");
        var flags = reader.ReadByte("authentication flags");
        var extended = reader.ReadByte("extended capabilities");
        uint iana = 0;
        byte aux = 0;
        if (reader.Remaining >= 4)
        {
            var b = reader.ReadBytes(3, "OEM IANA");
            iana = (uint)(b[0] | (b[1] << 8) | (b[2] << 16));
            aux = reader.ReadByte("OEM auxiliary data");
        }

        return new ChannelAuthCapabilities(channel, authTypes, flags, extended, iana, aux);
    }

    /// <summary>Writes the 8 response data bytes (BMC side).</summary>
    public int Write(Span<byte> destination)
    {
        destination[0] = Channel;
        destination[1] = AuthTypeSupport;
        destination[2] = Flags;
        destination[3] = ExtendedCapabilities;
        destination[4] = (byte)OemIana;
        destination[5] = (byte)(OemIana >> 8);
        destination[6] = (byte)(OemIana >> 16);
        destination[7] = OemAuxiliary;
        return ResponseDataLength;
    }

    /// <summary>A typical IPMI 2.0 BMC answer (BMC side): RMCP+ available, non-null users, v1.5 and v2.0 connections.</summary>
    public static ChannelAuthCapabilities ForIpmi20Bmc(byte channel) => new(channel, 0x80 | 0x01, 0x04, 0x02, 0, 0);
}
