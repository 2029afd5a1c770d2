using System.Buffers.Binary;

namespace BmcExporter.Ipmi.Commands;

/// <summary>Get FRU Inventory Area Info (Storage 0x10) and Read FRU Data (Storage 0x11) (IPMI v2.0 §34.1-34.2).</summary>
public static class FruCommands
{
    public const byte GetAreaInfoCommand = 0x10;
    public const byte ReadDataCommand = 0x11;

    /// <summary>Command-specific completion code of Read FRU Data: FRU device busy, retry after 30 ms or more.</summary>
    public const byte DeviceBusy = 0x81;

    public static IpmiRequest CreateAreaInfoRequest(byte fruId, byte address = IpmiAddresses.Bmc, byte lun = 0)
        => new(NetFn.Storage, GetAreaInfoCommand, new[] { fruId }, address, lun);

    public static byte DecodeAreaInfoRequest(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return r.ReadByte("FRU device ID");
    }

    public static FruAreaInfo DecodeAreaInfoResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var size = r.ReadUInt16("FRU inventory area size");
        var access = r.ReadByte("FRU access type");
        return new FruAreaInfo(size, (access & 0x01) != 0);
    }

    public static byte[] EncodeAreaInfoResponse(FruAreaInfo info)
    {
        var b = new byte[3];
        BinaryPrimitives.WriteUInt16LittleEndian(b, info.Size);
        b[2] = (byte)(info.WordAccess ? 1 : 0);
        return b;
    }

    public static IpmiRequest CreateReadRequest(FruReadRequest request, byte address = IpmiAddresses.Bmc, byte lun = 0)
        => new(NetFn.Storage, ReadDataCommand, request.Encode(), address, lun);

    /// <summary>Decodes [count returned][data], checking the count against the bytes present.</summary>
    public static ReadOnlyMemory<byte> DecodeReadResponse(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        var count = r.ReadByte("FRU count returned");
        return r.ReadBytes(count, "FRU data").ToArray();
    }

    public static byte[] EncodeReadResponse(ReadOnlySpan<byte> chunk)
    {
        if (chunk.Length > byte.MaxValue)
        {
            throw new ArgumentException("A FRU read returns at most 255 bytes.", nameof(chunk));
        }

        var b = new byte[1 + chunk.Length];
        b[0] = (byte)chunk.Length;
        chunk.CopyTo(b.AsSpan(1));
        return b;
    }
}

/// <summary>FRU inventory area size in bytes and whether the device is accessed in words.</summary>
public readonly record struct FruAreaInfo(ushort Size, bool WordAccess);

/// <summary>Read FRU Data request: FRU ID, offset, count.</summary>
public readonly record struct FruReadRequest(byte FruId, ushort Offset, byte Count)
{
    public static FruReadRequest Decode(ReadOnlySpan<byte> data)
    {
        var r = new SpanReader(data);
        return new FruReadRequest(r.ReadByte("FRU device ID"), r.ReadUInt16("FRU offset"), r.ReadByte("count to read"));
    }

    public byte[] Encode()
    {
        var b = new byte[4];
        b[0] = FruId;
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(1), Offset);
        b[3] = Count;
        return b;
    }
}
