namespace BmcExporter.Ipmi.Session;

/// <summary>Session privilege levels (IPMI v2.0 §6.8; RAKP role bits 3:0, §13.20).</summary>
public enum PrivilegeLevel : byte
{
    /// <summary>"Highest level matching the proposed algorithms" (Open Session only).</summary>
    Highest = 0,
    Callback = 1,
    User = 2,
    Operator = 3,
    Administrator = 4,
    Oem = 5,
}

/// <summary>Helpers for the RAKP 1 role byte (IPMI v2.0 §13.20).</summary>
public static class RakpRole
{
    /// <summary>Bit 4 of the role byte: name-only lookup.</summary>
    public const byte NameOnlyLookup = 0x10;

    /// <summary>The role byte: privilege in bits 3:0, bit 4 set for name-only lookup.</summary>
    public static byte Create(PrivilegeLevel privilege, bool nameOnlyLookup)
        => (byte)(((byte)privilege & 0x0F) | (nameOnlyLookup ? NameOnlyLookup : 0));

    public static PrivilegeLevel Privilege(byte role) => (PrivilegeLevel)(role & 0x0F);

    public static bool IsNameOnly(byte role) => (role & NameOnlyLookup) != 0;
}
