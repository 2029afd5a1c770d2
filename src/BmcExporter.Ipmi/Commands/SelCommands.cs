namespace BmcExporter.Ipmi.Commands;

/// <summary>Get SEL Info (Storage 0x40) and Get SEL Entry (Storage 0x43) (IPMI v2.0 §31.2, §31.5; protocol reference §3.6).</summary>
public static class SelCommands
{
    public const byte GetInfoCommand = 0x40;
    public const byte GetEntryCommand = 0x43;

    /// <summary>Command-specific completion code: SEL erase in progress.</summary>
    public const byte EraseInProgress = 0x81;

    public static IpmiRequest CreateGetInfoRequest() => new(NetFn.Storage, GetInfoCommand, ReadOnlyMemory<byte>.Empty);

    public static RepositoryInfo DecodeGetInfoResponse(ReadOnlySpan<byte> data) => RepositoryInfo.Decode(data, "SEL");

    public static IpmiRequest CreateGetEntryRequest(GetRecordRequest request) => new(NetFn.Storage, GetEntryCommand, request.Encode());
}
