using System.Security.Cryptography;
using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Ipmi.Tests.Crypto;

public sealed class IntegrityMacTests
{
    [Fact]
    public void Compute_Rfc2202Case1_FirstTwelveBytesOfTheHmacSha1()
    {
        // RFC 2202 test case 1: key = 20 × 0x0b, data = "Hi There".
        using var mac = new IntegrityMac(IntegrityAlgorithm.HmacSha1Bits96, Enumerable.Repeat((byte)0x0b, 20).ToArray());
        var code = new byte[12];

        var length = mac.Compute("Hi There"u8, code);

        Assert.Equal(12, length);
        Assert.Equal(Convert.FromHexString("b617318655057264e28bc0b6"), code);
    }

    [Theory]
    [InlineData(IntegrityAlgorithm.HmacSha1Bits96, 12)]
    [InlineData(IntegrityAlgorithm.HmacMd5Bits128, 16)]
    [InlineData(IntegrityAlgorithm.HmacSha256Bits128, 16)]
    public void Compute_ManyPackets_EachEqualsTheOneShotHmacTruncated(IntegrityAlgorithm algorithm, int expectedLength)
    {
        var key = Enumerable.Range(1, 20).Select(i => (byte)(i * 7)).ToArray();
        using var mac = new IntegrityMac(algorithm, key);
        for (var size = 0; size < 80; size += 13)
        {
            var data = Enumerable.Range(0, size).Select(i => (byte)(i ^ size)).ToArray();
            var code = new byte[expectedLength];

            mac.Compute(data, code);

            var full = algorithm switch
            {
                IntegrityAlgorithm.HmacSha1Bits96 => HMACSHA1.HashData(key, data),
                IntegrityAlgorithm.HmacMd5Bits128 => HMACMD5.HashData(key, data),
                _ => HMACSHA256.HashData(key, data),
            };
            Assert.Equal(full[..expectedLength], code);
        }
    }

    [Fact]
    public void Compute_DestinationTooShort_ThrowsWithoutWriting()
    {
        using var mac = new IntegrityMac(IntegrityAlgorithm.HmacSha1Bits96, new byte[20]);
        var code = new byte[11];

        Assert.Throws<ArgumentException>(() => mac.Compute("x"u8, code));
        Assert.All(code, b => Assert.Equal(0, b));
    }
}
