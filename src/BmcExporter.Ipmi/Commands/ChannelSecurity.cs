using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Commands;

/// <summary>IPMI 1.5 authentication types a channel accepts (Get Channel Authentication Capabilities byte 2, IPMI v2.0 §22.13).</summary>
[Flags]
public enum Ipmi15AuthTypes : byte
{
    None = 0,

    /// <summary>Bit 0: authentication type "none" (no AuthCode at all).</summary>
    NoAuth = 0x01,

    /// <summary>Bit 1: MD2.</summary>
    Md2 = 0x02,

    /// <summary>Bit 2: MD5.</summary>
    Md5 = 0x04,

    /// <summary>Bit 4: straight password/key (sent in clear).</summary>
    Password = 0x10,

    /// <summary>Bit 5: OEM proprietary.</summary>
    Oem = 0x20,
}

/// <summary>
/// The security-relevant facts of one Get Channel Authentication Capabilities answer (IPMI v2.0 §22.13, table
/// 22-15): anonymous login, null users, the IPMI 1.5 authentication types and the two "disabled" switches of
/// IPMI 1.5 sessions. Several BMCs report some of these bits wrongly (FreeIPMI's authcap workaround), so they
/// describe what the BMC claims, which is what an auditor reads too.
/// </summary>
public readonly record struct ChannelSecurityFlags(
    Ipmi15AuthTypes AuthTypes,
    bool AnonymousLogin,
    bool NullUsers,
    bool NonNullUsers,
    bool PerMessageAuthDisabled,
    bool UserLevelAuthDisabled,
    bool KgEnabled)
{
    private const byte AuthTypeMask = 0x37;

    /// <summary>The label values of <see cref="Ipmi15AuthTypes"/> in bit order, as the metrics name them.</summary>
    public static IReadOnlyList<(Ipmi15AuthTypes Type, string Name)> AuthTypeNames { get; } =
        [(Ipmi15AuthTypes.NoAuth, "none"), (Ipmi15AuthTypes.Md2, "md2"), (Ipmi15AuthTypes.Md5, "md5"), (Ipmi15AuthTypes.Password, "password"), (Ipmi15AuthTypes.Oem, "oem")];

    /// <summary>Reads the flags of a decoded answer: byte 2 bits 5:0 (types), byte 3 bits 5:0 (switches).</summary>
    public static ChannelSecurityFlags From(ChannelAuthCapabilities caps) => new(
        (Ipmi15AuthTypes)(caps.AuthTypeSupport & AuthTypeMask),
        AnonymousLogin: (caps.Flags & 0x01) != 0,
        NullUsers: (caps.Flags & 0x02) != 0,
        NonNullUsers: (caps.Flags & 0x04) != 0,
        UserLevelAuthDisabled: (caps.Flags & 0x08) != 0,
        PerMessageAuthDisabled: (caps.Flags & 0x10) != 0,
        KgEnabled: (caps.Flags & 0x20) != 0);

    /// <summary>The union of several answers (one per privilege level asked): a weakness at any level counts.</summary>
    public ChannelSecurityFlags Union(ChannelSecurityFlags other) => new(
        AuthTypes | other.AuthTypes,
        AnonymousLogin || other.AnonymousLogin,
        NullUsers || other.NullUsers,
        NonNullUsers || other.NonNullUsers,
        PerMessageAuthDisabled || other.PerMessageAuthDisabled,
        UserLevelAuthDisabled || other.UserLevelAuthDisabled,
        KgEnabled || other.KgEnabled);

    /// <summary>The answer bytes 2-3 a BMC sends for these flags (simulator side); bit 7 of byte 2 (RMCP+) is the caller's.</summary>
    public (byte AuthTypeSupport, byte Flags) Encode() => (
        (byte)AuthTypes,
        (byte)((AnonymousLogin ? 0x01 : 0) | (NullUsers ? 0x02 : 0) | (NonNullUsers ? 0x04 : 0) | (UserLevelAuthDisabled ? 0x08 : 0)
            | (PerMessageAuthDisabled ? 0x10 : 0) | (KgEnabled ? 0x20 : 0)));
}
