using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Which SDR store a command addresses: the BMC's SDR repository or a controller's Device SDRs.</summary>
public enum SdrRepositoryKind
{
    /// <summary>SDR repository, Storage netfn (IPMI v2.0 §33).</summary>
    Main,

    /// <summary>Device SDR repository, Sensor/Event netfn 0x20-0x22 (IPMI v2.0 §35.2-35.4).</summary>
    Device,
}

/// <summary>Get SDR Repository Info, Storage 0x20 (IPMI v2.0 §33.9; protocol reference §3.3).</summary>
public static class GetSdrRepositoryInfo
{
    public const NetFn NetFunction = NetFn.Storage;
    public const byte Command = 0x20;

    public static IpmiRequest CreateRequest() => new(NetFunction, Command, ReadOnlyMemory<byte>.Empty);

    public static RepositoryInfo DecodeResponse(ReadOnlySpan<byte> data) => RepositoryInfo.Decode(data, "SDR");

    public static byte[] EncodeResponse(RepositoryInfo info) => info.Encode();
}

/// <summary>
/// Reserve SDR Repository (Storage 0x22), Reserve Device SDR Repository (S/E 0x22) and Reserve SEL (Storage 0x42):
/// no request data, response = reservation ID (IPMI v2.0 §33.11, §35.4, §31.4).
/// </summary>
public static class Reserve
{
    public const byte SdrCommand = 0x22;
    public const byte DeviceSdrCommand = 0x22;
    public const byte SelCommand = 0x42;

    public static IpmiRequest CreateSdrRequest(SdrRepositoryKind kind = SdrRepositoryKind.Main) => kind == SdrRepositoryKind.Device
        ? new(NetFn.SensorEvent, DeviceSdrCommand, ReadOnlyMemory<byte>.Empty)
        : new(NetFn.Storage, SdrCommand, ReadOnlyMemory<byte>.Empty);

    public static IpmiRequest CreateSelRequest() => new(NetFn.Storage, SelCommand, ReadOnlyMemory<byte>.Empty);

    public static ushort DecodeResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return r.ReadUInt16("reservation ID");
    }

    public static byte[] EncodeResponse(ushort reservationId)
    {
        var b = new byte[2];
        BinaryPrimitives.WriteUInt16LittleEndian(b, reservationId);
        return b;
    }
}

/// <summary>Request factories for Get SDR / Get Device SDR.</summary>
public static class GetSdr
{
    public const byte Command = 0x23;
    public const byte DeviceCommand = 0x21;

    public static IpmiRequest CreateRequest(GetRecordRequest request, SdrRepositoryKind kind = SdrRepositoryKind.Main) => kind == SdrRepositoryKind.Device
        ? new(NetFn.SensorEvent, DeviceCommand, request.Encode())
        : new(NetFn.Storage, Command, request.Encode());
}
