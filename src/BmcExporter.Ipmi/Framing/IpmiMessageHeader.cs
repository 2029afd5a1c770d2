namespace BmcExporter.Ipmi.Framing;

/// <summary>
/// Addressing of one IPMI message, named by role so the same value describes a request and its response:
/// responder = the BMC (rsSA 0x20) or a bridged controller, requester = the console (rqSA 0x81).
/// <see cref="NetFn"/> is the raw 6-bit network function (odd for responses); <see cref="Sequence"/> is rqSeq (0-63).
/// </summary>
public readonly record struct IpmiMessageHeader(
    byte ResponderAddress,
    byte NetFn,
    byte ResponderLun,
    byte RequesterAddress,
    byte Sequence,
    byte RequesterLun,
    byte Command)
{
    /// <summary>A console-to-BMC request header with the usual LAN addresses (rsSA 0x20, rqSA 0x81).</summary>
    public static IpmiMessageHeader ForRequest(NetFn netFn, byte command, byte sequence, byte responderAddress = IpmiAddresses.Bmc, byte responderLun = 0)
        => new(responderAddress, (byte)netFn, responderLun, IpmiAddresses.RemoteConsole, (byte)(sequence & 0x3F), 0, command);

    /// <summary>The header of the response to this request: same addresses and sequence, netFn + 1.</summary>
    public IpmiMessageHeader ToResponse() => this with { NetFn = (byte)(NetFn | 1) };
}

/// <summary>A decoded request (BMC side view). <see cref="Data"/> aliases the input span.</summary>
public readonly ref struct IpmiRequestMessage
{
    public IpmiRequestMessage(IpmiMessageHeader header, ReadOnlySpan<byte> data)
    {
        Header = header;
        Data = data;
    }

    public IpmiMessageHeader Header { get; }

    public ReadOnlySpan<byte> Data { get; }
}

/// <summary>A decoded response (console side view). <see cref="Data"/> excludes the completion code.</summary>
public readonly ref struct IpmiResponseMessage
{
    public IpmiResponseMessage(IpmiMessageHeader header, byte completionCode, ReadOnlySpan<byte> data)
    {
        Header = header;
        CompletionCode = completionCode;
        Data = data;
    }

    public IpmiMessageHeader Header { get; }

    public byte CompletionCode { get; }

    public ReadOnlySpan<byte> Data { get; }
}
