namespace BmcExporter.Ipmi;

/// <summary>Generic completion codes, IPMI v2.0 §5.2 table 5-2.</summary>
public enum CompletionCode : byte
{
    Ok = 0x00,
    NodeBusy = 0xC0,
    InvalidCommand = 0xC1,
    InvalidForLun = 0xC2,
    Timeout = 0xC3,
    OutOfSpace = 0xC4,
    ReservationCancelled = 0xC5,
    RequestDataTruncated = 0xC6,
    RequestDataLengthInvalid = 0xC7,
    RequestDataFieldLengthLimitExceeded = 0xC8,
    ParameterOutOfRange = 0xC9,
    CannotReturnRequestedBytes = 0xCA,
    NotPresent = 0xCB,
    InvalidDataField = 0xCC,
    IllegalForSensorOrRecordType = 0xCD,
    ResponseCouldNotBeProvided = 0xCE,
    DuplicatedRequest = 0xCF,
    SdrRepositoryInUpdateMode = 0xD0,
    FirmwareUpdateMode = 0xD1,
    InitializationInProgress = 0xD2,
    DestinationUnavailable = 0xD3,
    InsufficientPrivilege = 0xD4,
    NotSupportedInPresentState = 0xD5,
    SubFunctionDisabled = 0xD6,
    Unspecified = 0xFF,
}

/// <summary>Human-readable text for completion codes, used in error messages.</summary>
public static class CompletionCodes
{
    public static string Describe(byte code) => code switch
    {
        0x00 => "ok",
        0xC0 => "node busy",
        0xC1 => "invalid or unsupported command",
        0xC2 => "command invalid for given LUN",
        0xC3 => "timeout while processing command",
        0xC4 => "out of space",
        0xC5 => "reservation cancelled or invalid reservation ID",
        0xC6 => "request data truncated",
        0xC7 => "request data length invalid",
        0xC8 => "request data field length limit exceeded",
        0xC9 => "parameter out of range",
        0xCA => "cannot return number of requested data bytes",
        0xCB => "requested sensor, data or record not present",
        0xCC => "invalid data field in request",
        0xCD => "command illegal for specified sensor or record type",
        0xCE => "command response could not be provided",
        0xCF => "cannot execute duplicated request",
        0xD0 => "SDR repository in update mode",
        0xD1 => "device in firmware update mode",
        0xD2 => "BMC initialization in progress",
        0xD3 => "destination unavailable",
        0xD4 => "insufficient privilege level",
        0xD5 => "not supported in present state",
        0xD6 => "command sub-function disabled or unavailable",
        0xFF => "unspecified error",
        >= 0x80 and <= 0xBE => "command-specific error",
        >= 0x01 and <= 0x7E => "device-specific (OEM) error",
        _ => "reserved completion code",
    };
}

/// <summary>A command answered with a non-zero completion code. Carries the command for context.</summary>
public sealed class IpmiCompletionCodeException : Exception
{
    public IpmiCompletionCodeException(NetFn netFn, byte command, byte completionCode)
        : base($"IPMI command netfn 0x{(byte)netFn:X2} cmd 0x{command:X2} failed: completion code 0x{completionCode:X2} ({CompletionCodes.Describe(completionCode)}).")
    {
        NetFn = netFn;
        Command = command;
        CompletionCode = completionCode;
    }

    public IpmiCompletionCodeException()
    {
    }

    public IpmiCompletionCodeException(string message)
        : base(message)
    {
    }

    public IpmiCompletionCodeException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NetFn NetFn { get; }

    public byte Command { get; }

    public byte CompletionCode { get; }
}
