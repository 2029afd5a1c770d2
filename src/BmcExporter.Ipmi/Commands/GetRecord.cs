using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

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
