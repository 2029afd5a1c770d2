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
/// Get SDR Repository Info and Get SEL Info share one layout (IPMI v2.0 §33.9, §31.2): version, count, free
/// space, addition and erase timestamps, operation support.
/// </summary>
public readonly record struct RepositoryInfo(
    byte Version,
    ushort EntryCount,
    ushort FreeSpace,
    uint AdditionTimestamp,
    uint EraseTimestamp,
    byte OperationSupport)
{
    public const int Size = 14;

    /// <summary>b7: events or records were dropped because the store overflowed.</summary>
    public bool Overflow => (OperationSupport & 0x80) != 0;

    /// <summary>b1: the Reserve command is supported.</summary>
    public bool ReserveSupported => (OperationSupport & 0x02) != 0;

    public static RepositoryInfo Decode(ReadOnlySpan<byte> data, string what)
    {
        var r = new SpanReader(data);
        return new RepositoryInfo(
            r.ReadByte($"{what} version"),
            r.ReadUInt16($"{what} entry count"),
            r.ReadUInt16($"{what} free space"),
            r.ReadUInt32($"{what} addition timestamp"),
            r.ReadUInt32($"{what} erase timestamp"),
            r.ReadByte($"{what} operation support"));
    }

    public byte[] Encode()
    {
        var b = new byte[Size];
        b[0] = Version;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(1), EntryCount);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(3), FreeSpace);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(5), AdditionTimestamp);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(9), EraseTimestamp);
        b[13] = OperationSupport;
        return b;
    }
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

/// <summary>
/// Get SDR (Storage 0x23) and Get Device SDR (S/E 0x21): partial read of one record (IPMI v2.0 §33.12, §35.3).
/// Get SEL Entry (Storage 0x43) uses the same request and response shape (§31.5).
/// </summary>
public readonly record struct GetRecordRequest(ushort ReservationId, ushort RecordId, byte Offset, byte Count)
{
    public const int Size = 6;

    /// <summary>Record ID 0x0000: the first record.</summary>
    public const ushort First = 0x0000;

    /// <summary>Record ID 0xFFFF: the last record; as "next record ID" it means "no more".</summary>
    public const ushort Last = 0xFFFF;

    /// <summary>Byte count 0xFF: the whole record.</summary>
    public const byte WholeRecord = 0xFF;

    public static GetRecordRequest Decode(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return new GetRecordRequest(r.ReadUInt16("reservation ID"), r.ReadUInt16("record ID"), r.ReadByte("offset"), r.ReadByte("byte count"));
    }

    public byte[] Encode()
    {
        var b = new byte[Size];
        BinaryPrimitives.WriteUInt16LittleEndian(b, ReservationId);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(2), RecordId);
        b[4] = Offset;
        b[5] = Count;
        return b;
    }
}

/// <summary>Response to Get SDR / Get Device SDR / Get SEL Entry: next record ID and the requested bytes.</summary>
public readonly record struct GetRecordResponse(ushort NextRecordId, ReadOnlyMemory<byte> Data)
{
    public static GetRecordResponse Decode(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var next = r.ReadUInt16("next record ID");
        return new GetRecordResponse(next, r.RemainingSpan.ToArray());
    }

    public byte[] Encode()
    {
        var b = new byte[2 + Data.Length];
        BinaryPrimitives.WriteUInt16LittleEndian(b, NextRecordId);
        Data.Span.CopyTo(b.AsSpan(2));
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
