using System.Text;

namespace BmcExporter.Ipmi.IntegrationTests.Oracle;

/// <summary>Board Info Area fields (Platform Management FRU Information Storage Definition v1.0 §11).</summary>
internal sealed record FruBoard(DateTime ManufacturedUtc, string Manufacturer, string Product, string Serial, string PartNumber);

/// <summary>Product Info Area fields (FRU spec §12).</summary>
internal sealed record FruProduct(string Manufacturer, string Name, string PartNumber, string Version, string Serial, string AssetTag);

/// <summary>The harness's own FRU image encoder: common header, board area and product area, each zero-checksummed.</summary>
internal static class FruBuilder
{
    private static readonly DateTime Epoch1996 = new(1996, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static byte[] Build(FruBoard? board, FruProduct? product)
    {
        byte[] boardArea = board is null ? [] : BoardArea(board);
        byte[] productArea = product is null ? [] : ProductArea(product);
        var header = new byte[8];
        header[0] = 0x01; // format version, FRU spec §8
        int offset = 8;
        if (boardArea.Length > 0)
        {
            header[3] = (byte)(offset / 8);
            offset += boardArea.Length;
        }

        if (productArea.Length > 0)
        {
            header[4] = (byte)(offset / 8);
        }

        header[7] = Checksum(header.AsSpan(0, 7));
        return [.. header, .. boardArea, .. productArea];
    }

    private static byte[] BoardArea(FruBoard b)
    {
        int minutes = (int)(b.ManufacturedUtc - Epoch1996).TotalMinutes;
        var body = new List<byte> { 0x01, 0x00, 0x19, (byte)minutes, (byte)(minutes >> 8), (byte)(minutes >> 16) }; // language 0x19 = English
        AddField(body, b.Manufacturer);
        AddField(body, b.Product);
        AddField(body, b.Serial);
        AddField(body, b.PartNumber);
        AddField(body, "");
        return Finish(body);
    }

    private static byte[] ProductArea(FruProduct p)
    {
        var body = new List<byte> { 0x01, 0x00, 0x19 };
        AddField(body, p.Manufacturer);
        AddField(body, p.Name);
        AddField(body, p.PartNumber);
        AddField(body, p.Version);
        AddField(body, p.Serial);
        AddField(body, p.AssetTag);
        AddField(body, "");
        return Finish(body);
    }

    /// <summary>8-bit ASCII type/length byte (11b) and the bytes, FRU spec §13.</summary>
    private static void AddField(List<byte> body, string value)
    {
        byte[] ascii = Encoding.ASCII.GetBytes(value);
        if (ascii.Length > 63)
        {
            throw new ArgumentException("FRU field longer than 63 bytes", nameof(value));
        }

        body.Add((byte)(0xC0 | ascii.Length));
        body.AddRange(ascii);
    }

    /// <summary>End marker 0xC1, zero padding to a multiple of 8 including the checksum byte, area length in 8-byte units.</summary>
    private static byte[] Finish(List<byte> body)
    {
        body.Add(0xC1);
        while ((body.Count + 1) % 8 != 0)
        {
            body.Add(0x00);
        }

        body[1] = (byte)((body.Count + 1) / 8);
        body.Add(Checksum(body.ToArray()));
        return body.ToArray();
    }

    private static byte Checksum(ReadOnlySpan<byte> bytes)
    {
        int sum = 0;
        foreach (byte b in bytes)
        {
            sum += b;
        }

        return (byte)(-sum & 0xFF);
    }
}
