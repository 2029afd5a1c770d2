using System.Text;

namespace BmcExporter.Ipmi.Fru;

/// <summary>
/// Builds a FRU inventory image with valid checksums from chassis/board/product info (FRU spec §8-13), for the
/// simulator and tests. Strings are written as 8-bit Latin-1 fields (type 11b), at most 63 bytes each.
/// </summary>
public static class FruEncoder
{
    public static byte[] Encode(FruChassisInfo? chassis, FruBoardInfo? board, FruProductInfo? product)
    {
        var chassisArea = chassis is null ? null : ChassisArea(chassis);
        var boardArea = board is null ? null : BoardArea(board);
        var productArea = product is null ? null : ProductArea(product);

        var image = new List<byte>(FruCommonHeader.Size);
        var header = new byte[FruCommonHeader.Size];
        header[0] = 0x01;
        var offset = FruCommonHeader.Size / 8;
        if (chassisArea is not null)
        {
            header[2] = (byte)offset;
            offset += chassisArea.Length / 8;
        }

        if (boardArea is not null)
        {
            header[3] = (byte)offset;
            offset += boardArea.Length / 8;
        }

        if (productArea is not null)
        {
            header[4] = (byte)offset;
        }

        header[7] = Checksum(header.AsSpan(0, 7));
        image.AddRange(header);
        image.AddRange(chassisArea ?? []);
        image.AddRange(boardArea ?? []);
        image.AddRange(productArea ?? []);
        return [.. image];
    }

    private static byte[] ChassisArea(FruChassisInfo c)
    {
        var body = new List<byte> { c.ChassisType };
        AddField(body, c.PartNumber);
        AddField(body, c.SerialNumber);
        AddCustom(body, c.Custom);
        return Finish(body);
    }

    private static byte[] BoardArea(FruBoardInfo b)
    {
        var body = new List<byte>
        {
            b.Language,
            (byte)b.ManufacturingMinutes,
            (byte)(b.ManufacturingMinutes >> 8),
            (byte)(b.ManufacturingMinutes >> 16),
        };
        AddField(body, b.Manufacturer);
        AddField(body, b.ProductName);
        AddField(body, b.SerialNumber);
        AddField(body, b.PartNumber);
        AddField(body, b.FruFileId);
        AddCustom(body, b.Custom);
        return Finish(body);
    }

    private static byte[] ProductArea(FruProductInfo p)
    {
        var body = new List<byte> { p.Language };
        AddField(body, p.Manufacturer);
        AddField(body, p.ProductName);
        AddField(body, p.PartNumber);
        AddField(body, p.Version);
        AddField(body, p.SerialNumber);
        AddField(body, p.AssetTag);
        AddField(body, p.FruFileId);
        AddCustom(body, p.Custom);
        return Finish(body);
    }

    private static void AddCustom(List<byte> body, IReadOnlyList<string> custom)
    {
        foreach (var field in custom)
        {
            AddField(body, field);
        }
    }

    private static void AddField(List<byte> body, string text)
    {
        var bytes = Encoding.Latin1.GetBytes(text);
        if (bytes.Length > 0x3F)
        {
            throw new ArgumentException($"FRU field '{text}' exceeds 63 bytes.", nameof(text));
        }

        if (bytes.Length == 1)
        {
            // 0xC1 is the end marker: a one-byte string is padded with a space to length 2.
            bytes = [bytes[0], (byte)' '];
        }

        body.Add((byte)(0xC0 | bytes.Length));
        body.AddRange(bytes);
    }

    // Area = [version 0x01][length/8][body][0xC1][zero padding][checksum], a multiple of 8 bytes.
    private static byte[] Finish(List<byte> body)
    {
        var unpadded = 2 + body.Count + 1 + 1;
        var length = (unpadded + 7) / 8 * 8;
        if (length / 8 > byte.MaxValue)
        {
            throw new ArgumentException("FRU area exceeds 2040 bytes.", nameof(body));
        }

        var area = new byte[length];
        area[0] = 0x01;
        area[1] = (byte)(length / 8);
        body.CopyTo(area, 2);
        area[2 + body.Count] = FruDecoder.EndOfFields;
        area[^1] = Checksum(area.AsSpan(0, length - 1));
        return area;
    }

    private static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return (byte)(0x100 - sum);
    }
}
