namespace BmcExporter.Ipmi.Session;

/// <summary>RMCP+ and RAKP message status codes (IPMI v2.0 §13.24, table 13-15).</summary>
public enum RmcpPlusStatus : byte
{
    NoErrors = 0x00,
    InsufficientResources = 0x01,
    InvalidSessionId = 0x02,
    InvalidPayloadType = 0x03,
    InvalidAuthenticationAlgorithm = 0x04,
    InvalidIntegrityAlgorithm = 0x05,
    NoMatchingAuthenticationPayload = 0x06,
    NoMatchingIntegrityPayload = 0x07,
    InactiveSessionId = 0x08,
    InvalidRole = 0x09,
    UnauthorizedRole = 0x0A,
    InsufficientResourcesForRole = 0x0B,
    InvalidNameLength = 0x0C,
    UnauthorizedName = 0x0D,
    UnauthorizedGuid = 0x0E,
    InvalidIntegrityCheckValue = 0x0F,
    InvalidConfidentialityAlgorithm = 0x10,
    NoCipherSuiteMatch = 0x11,
    IllegalParameter = 0x12,
}

/// <summary>Text for RMCP+ status codes, for error messages.</summary>
public static class RmcpPlusStatuses
{
    public static string Describe(RmcpPlusStatus status) => status switch
    {
        RmcpPlusStatus.NoErrors => "no errors",
        RmcpPlusStatus.InsufficientResources => "insufficient resources to create a session",
        RmcpPlusStatus.InvalidSessionId => "invalid session ID",
        RmcpPlusStatus.InvalidPayloadType => "invalid payload type",
        RmcpPlusStatus.InvalidAuthenticationAlgorithm => "invalid authentication algorithm",
        RmcpPlusStatus.InvalidIntegrityAlgorithm => "invalid integrity algorithm",
        RmcpPlusStatus.NoMatchingAuthenticationPayload => "no matching authentication payload",
        RmcpPlusStatus.NoMatchingIntegrityPayload => "no matching integrity payload",
        RmcpPlusStatus.InactiveSessionId => "inactive session ID",
        RmcpPlusStatus.InvalidRole => "invalid role",
        RmcpPlusStatus.UnauthorizedRole => "unauthorized role or privilege level requested",
        RmcpPlusStatus.InsufficientResourcesForRole => "insufficient resources to create a session at the requested role",
        RmcpPlusStatus.InvalidNameLength => "invalid user name length",
        RmcpPlusStatus.UnauthorizedName => "unauthorized name (unknown user)",
        RmcpPlusStatus.UnauthorizedGuid => "unauthorized GUID",
        RmcpPlusStatus.InvalidIntegrityCheckValue => "invalid integrity check value",
        RmcpPlusStatus.InvalidConfidentialityAlgorithm => "invalid confidentiality algorithm",
        RmcpPlusStatus.NoCipherSuiteMatch => "no cipher suite match with proposed security algorithms",
        RmcpPlusStatus.IllegalParameter => "illegal or unrecognized parameter",
        _ => "reserved status code",
    };
}
