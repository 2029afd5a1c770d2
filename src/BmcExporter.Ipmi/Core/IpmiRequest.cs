namespace BmcExporter.Ipmi;

/// <summary>
/// One IPMI request as the command layer sees it: network function, command and request data, addressed to
/// a responder (slave address + LUN, IPMI v2.0 §5.1). <see cref="BridgeChannel"/> set means the request must
/// be bridged through the BMC with Send Message (IPMI v2.0 §6.13, protocol reference §3.9).
/// </summary>
public readonly record struct IpmiRequest(
    NetFn NetFn,
    byte Command,
    ReadOnlyMemory<byte> Data,
    byte TargetAddress = IpmiAddresses.Bmc,
    byte TargetLun = 0,
    byte? BridgeChannel = null)
{
    /// <summary>True when the responder is not the BMC itself and the request must be bridged.</summary>
    public bool IsBridged => BridgeChannel.HasValue;
}

/// <summary>The response to an <see cref="IpmiRequest"/>: completion code and the data after it.</summary>
public readonly record struct IpmiResponse(byte CompletionCode, ReadOnlyMemory<byte> Data)
{
    public bool IsOk => CompletionCode == 0;

    /// <summary>Throws <see cref="IpmiCompletionCodeException"/> when the completion code is not 0x00.</summary>
    public IpmiResponse EnsureOk(NetFn netFn, byte command)
    {
        if (CompletionCode != 0)
        {
            throw new IpmiCompletionCodeException(netFn, command, CompletionCode);
        }

        return this;
    }
}

/// <summary>Well-known IPMB addresses.</summary>
public static class IpmiAddresses
{
    /// <summary>The BMC's slave address (IPMI v2.0 §5.1).</summary>
    public const byte Bmc = 0x20;

    /// <summary>Remote console software ID used as requester address on LAN (IPMI v2.0 §5.5).</summary>
    public const byte RemoteConsole = 0x81;
}

/// <summary>
/// The seam between the command layer (typed commands, SDR/SEL/FRU walks) and whatever carries requests:
/// an RMCP+ session over UDP, an in-memory fake in tests. Implementations serialise requests per session.
/// </summary>
public interface IIpmiChannel
{
    ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken);
}
