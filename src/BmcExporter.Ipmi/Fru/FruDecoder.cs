using System.Text;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Fru;

/// <summary>
/// Decodes a FRU inventory image (FRU spec §8-12). Areas pointing outside the image, or fields running past
/// their area, raise <see cref="IpmiProtocolException"/>; checksum mismatches only clear the area's flag.
/// </summary>
public static class FruDecoder
{
    /// <summary>Type/length byte that ends the field list of an area.</summary>
    public const byte EndOfFields = 0xC1;

    public static FruInventory Decode(ReadOnlySpan<byte> image)
    {
        var r = new SpanReader(image);
        var headerBytes = r.ReadBytes(FruCommonHeader.Size, "FRU common header");
        var header = new FruCommonHeader(headerBytes[0], headerBytes[1], headerBytes[2], headerBytes[3], headerBytes[4], headerBytes[5]);
        if ((header.FormatVersion & 0x0F) != 0x01)
        {
            throw new IpmiProtocolException($"FRU common header format version 0x{header.FormatVersion:X2} is not 0x01.");
        }

        return new FruInventory
        {
            Header = header,
            HeaderChecksumValid = ZeroSum(headerBytes),
            Chassis = header.ChassisOffset == 0 ? null : DecodeChassis(Area(image, header.ChassisOffset, "chassis")),
            Board = header.BoardOffset == 0 ? null : DecodeBoard(Area(image, header.BoardOffset, "board")),
            Product = header.ProductOffset == 0 ? null : DecodeProduct(Area(image, header.ProductOffset, "product")),
        };
    }

    /// <summary>Decodes one type/length field (FRU spec §13): bits 7:6 type, bits 5:0 length in bytes.</summary>
    public static string DecodeField(byte typeLength, ReadOnlySpan<byte> bytes) => (typeLength >> 6) switch
    {
        0 => Convert.ToHexString(bytes),
        1 => IdStringCodec.Decode(IdStringEncoding.BcdPlus, bytes),
        2 => IdStringCodec.Decode(IdStringEncoding.Packed6BitAscii, bytes),
        _ => Encoding.Latin1.GetString(bytes).TrimEnd('\0', ' '),
    };

    private static ReadOnlySpan<byte> Area(ReadOnlySpan<byte> image, byte offsetUnits, string name)
    {
        var start = offsetUnits * 8;
        var r = new SpanReader(image);
        r.Skip(start, $"FRU {name} area offset");
        var version = r.ReadByte($"FRU {name} area version");
        var lengthUnits = r.ReadByte($"FRU {name} area length");
        if ((version & 0x0F) != 0x01 || lengthUnits == 0)
        {
            throw new IpmiProtocolException($"FRU {name} area at offset {start} has version 0x{version:X2} and length {lengthUnits}.");
        }

        var length = lengthUnits * 8;
        var area = new SpanReader(image);
        area.Skip(start, $"FRU {name} area offset");
        return area.ReadBytes(length, $"FRU {name} area");
    }

    // FRU spec §10 (Chassis Info Area): version, length, chassis type, then part number and serial number, custom fields, 0xC1.
    private static FruChassisInfo DecodeChassis(ReadOnlySpan<byte> area)
    {
        var r = new SpanReader(area);
        r.Skip(2, "chassis area header");
        var type = r.ReadByte("chassis type");
        var fields = ReadFields(ref r, 2);
        return new FruChassisInfo
        {
            ChassisType = type,
            PartNumber = fields.Fixed[0],
            SerialNumber = fields.Fixed[1],
            Custom = fields.Custom,
            ChecksumValid = ZeroSum(area),
        };
    }

    // FRU spec §11 (Board Info Area): version, length, language, manufacturing minutes since 1996-01-01 (3 bytes, least
    // significant first), then manufacturer, product name, serial number, part number, FRU file ID, custom fields, 0xC1.
    private static FruBoardInfo DecodeBoard(ReadOnlySpan<byte> area)
    {
        var r = new SpanReader(area);
        r.Skip(2, "board area header");
        var language = r.ReadByte("board language");
        var date = r.ReadBytes(3, "board manufacturing date");
        var fields = ReadFields(ref r, 5);
        return new FruBoardInfo
        {
            Language = language,
            ManufacturingMinutes = (uint)(date[0] | (date[1] << 8) | (date[2] << 16)),
            Manufacturer = fields.Fixed[0],
            ProductName = fields.Fixed[1],
            SerialNumber = fields.Fixed[2],
            PartNumber = fields.Fixed[3],
            FruFileId = fields.Fixed[4],
            Custom = fields.Custom,
            ChecksumValid = ZeroSum(area),
        };
    }

    // FRU spec §12 (Product Info Area): version, length, language, then manufacturer, product name, part/model number,
    // version, serial number, asset tag, FRU file ID, custom fields, 0xC1.
    private static FruProductInfo DecodeProduct(ReadOnlySpan<byte> area)
    {
        var r = new SpanReader(area);
        r.Skip(2, "product area header");
        var language = r.ReadByte("product language");
        var fields = ReadFields(ref r, 7);
        return new FruProductInfo
        {
            Language = language,
            Manufacturer = fields.Fixed[0],
            ProductName = fields.Fixed[1],
            PartNumber = fields.Fixed[2],
            Version = fields.Fixed[3],
            SerialNumber = fields.Fixed[4],
            AssetTag = fields.Fixed[5],
            FruFileId = fields.Fixed[6],
            Custom = fields.Custom,
            ChecksumValid = ZeroSum(area),
        };
    }

    // Reads the fixed fields then custom fields up to the 0xC1 end marker. A marker among the fixed fields leaves the rest empty.
    private static (string[] Fixed, List<string> Custom) ReadFields(ref SpanReader r, int fixedCount)
    {
        var fixedFields = new string[fixedCount];
        Array.Fill(fixedFields, string.Empty);
        var custom = new List<string>();
        var index = 0;
        while (true)
        {
            var typeLength = r.ReadByte("FRU field type/length");
            if (typeLength == EndOfFields)
            {
                break;
            }

            var value = DecodeField(typeLength, r.ReadBytes(typeLength & 0x3F, "FRU field"));
            if (index < fixedCount)
            {
                fixedFields[index++] = value;
            }
            else
            {
                custom.Add(value);
            }
        }

        return (fixedFields, custom);
    }

    // FRU spec §8, §10-12: the common header and each area end with a zero checksum (all bytes sum to 0 modulo 256).
    private static bool ZeroSum(ReadOnlySpan<byte> bytes)
    {
        byte sum = 0;
        foreach (var b in bytes)
        {
            sum += b;
        }

        return sum == 0;
    }
}
