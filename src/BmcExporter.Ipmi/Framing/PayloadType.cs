namespace BmcExporter.Ipmi.Framing;

/// <summary>RMCP+ payload types, bits 5:0 of the payload-type byte (IPMI v2.0 §13.27.3, table 13-16).</summary>
public static class PayloadType
{
    public const byte Ipmi = 0x00;
    public const byte Sol = 0x01;
    public const byte OemExplicit = 0x02;
    public const byte OpenSessionRequest = 0x10;
    public const byte OpenSessionResponse = 0x11;
    public const byte Rakp1 = 0x12;
    public const byte Rakp2 = 0x13;
    public const byte Rakp3 = 0x14;
    public const byte Rakp4 = 0x15;

    /// <summary>Bit 7 of the payload-type byte: the payload is encrypted.</summary>
    public const byte EncryptedFlag = 0x80;

    /// <summary>Bit 6 of the payload-type byte: the packet carries an integrity trailer.</summary>
    public const byte AuthenticatedFlag = 0x40;
}

/// <summary>Session authentication types of the IPMI 1.5 header and the RMCP+ format marker (IPMI v2.0 §13.6).</summary>
public static class AuthType
{
    public const byte None = 0x00;
    public const byte Md2 = 0x01;
    public const byte Md5 = 0x02;
    public const byte StraightPassword = 0x04;
    public const byte Oem = 0x05;

    /// <summary>Auth type/format 6: the packet uses the RMCP+ (IPMI v2.0) session header.</summary>
    public const byte RmcpPlus = 0x06;
}
