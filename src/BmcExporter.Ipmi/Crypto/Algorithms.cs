namespace BmcExporter.Ipmi.Crypto;

/// <summary>RAKP authentication algorithms (IPMI v2.0 §13.28, table 13-17).</summary>
public enum AuthenticationAlgorithm : byte
{
    None = 0x00,
    HmacSha1 = 0x01,
    HmacMd5 = 0x02,
    HmacSha256 = 0x03,
}

/// <summary>Integrity algorithms (IPMI v2.0 §13.28.4, table 13-18).</summary>
public enum IntegrityAlgorithm : byte
{
    None = 0x00,
    HmacSha1Bits96 = 0x01,
    HmacMd5Bits128 = 0x02,
    Md5Bits128 = 0x03,
    HmacSha256Bits128 = 0x04,
}

/// <summary>Confidentiality algorithms (IPMI v2.0 §13.28.5, table 13-19).</summary>
public enum ConfidentialityAlgorithm : byte
{
    None = 0x00,
    AesCbc128 = 0x01,
    XRc4Bits128 = 0x02,
    XRc4Bits40 = 0x03,
}
