using BmcExporter.Ipmi.Fru;

namespace BmcExporter.Ipmi.Tests.Fru;

public sealed class FruCodecTests
{
    private static readonly FruChassisInfo Chassis = new() { ChassisType = 0x17, PartNumber = "CH-100", SerialNumber = "CS123", Custom = ["x"] };

    private static readonly FruBoardInfo Board = new()
    {
        ManufacturingMinutes = FruBoardInfo.ToMinutes(new DateTimeOffset(2024, 3, 1, 12, 30, 0, TimeSpan.Zero)),
        Manufacturer = "Acme",
        ProductName = "Mainboard X1",
        SerialNumber = "BS-0001",
        PartNumber = "PN-77",
        FruFileId = "v1",
    };

    private static readonly FruProductInfo Product = new()
    {
        Manufacturer = "Acme",
        ProductName = "Server 1U",
        PartNumber = "S1U",
        Version = "A",
        SerialNumber = "PS-42",
        AssetTag = "asset-9",
    };

    [Fact]
    public void EncodeDecode_AllAreas_RoundTripWithValidChecksums()
    {
        var image = FruEncoder.Encode(Chassis, Board, Product);

        var inventory = FruDecoder.Decode(image);

        Assert.True(inventory.AllChecksumsValid);
        Assert.Equal(0, image.Length % 8);
        Assert.Equal("CH-100", inventory.Chassis!.PartNumber);
        Assert.Equal("CS123", inventory.Chassis.SerialNumber);
        Assert.Equal(["x"], inventory.Chassis.Custom);
        Assert.Equal("Mainboard X1", inventory.Board!.ProductName);
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 12, 30, 0, TimeSpan.Zero), inventory.Board.ManufacturingDate);
        Assert.Equal("PS-42", inventory.Product!.SerialNumber);
        Assert.Equal("A", inventory.Product.Version);
        Assert.Equal("asset-9", inventory.Product.AssetTag);
        Assert.Equal(string.Empty, inventory.Product.FruFileId);
    }

    [Fact]
    public void Decode_BoardDateVector_MinutesSince1996()
    {
        // Board area with date 0x00_00_01 = 1996-01-01 00:01.
        byte[] image =
        [
            0x01, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0xFE,
            0x01, 0x02, 0x00, 0x01, 0x00, 0x00, 0xC1, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x3B,
        ];

        var inventory = FruDecoder.Decode(image);

        Assert.True(inventory.HeaderChecksumValid);
        Assert.Equal(new DateTimeOffset(1996, 1, 1, 0, 1, 0, TimeSpan.Zero), inventory.Board!.ManufacturingDate);
        Assert.Equal(string.Empty, inventory.Board.Manufacturer);
    }

    [Fact]
    public void Decode_BadChecksums_FlaggedNotFatal()
    {
        var image = FruEncoder.Encode(null, Board, Product);
        image[7] ^= 0xFF;
        image[image[3] * 8 + 12] ^= 0x01;

        var inventory = FruDecoder.Decode(image);

        Assert.False(inventory.HeaderChecksumValid);
        Assert.False(inventory.Board!.ChecksumValid);
        Assert.True(inventory.Product!.ChecksumValid);
        Assert.False(inventory.AllChecksumsValid);
    }

    [Fact]
    public void Decode_TruncatedAtEveryLength_ThrowsProtocolException()
    {
        var image = FruEncoder.Encode(Chassis, Board, Product);

        for (var length = 0; length < image.Length; length++)
        {
            var prefix = image.AsSpan(0, length).ToArray();
            Assert.Throws<IpmiProtocolException>(() => FruDecoder.Decode(prefix));
        }
    }

    [Fact]
    public void DecodeField_Encodings()
    {
        Assert.Equal("0102FF", FruDecoder.DecodeField(0x03, [0x01, 0x02, 0xFF]));
        Assert.Equal("12.3", FruDecoder.DecodeField(0x42, [0x12, 0xC3]));
        Assert.Equal("Acme", FruDecoder.DecodeField(0xC4, "Acme"u8));
    }

    [Fact]
    public void Encode_OneCharacterField_NotMistakenForEndMarker()
    {
        var image = FruEncoder.Encode(null, null, Product with { Version = "B", AssetTag = "Z" });

        var product = FruDecoder.Decode(image).Product!;

        Assert.Equal("B", product.Version);
        Assert.Equal("Z", product.AssetTag);
        Assert.Equal("PS-42", product.SerialNumber);
    }
}
