using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Tests.Commands;

public sealed class CipherSuiteTests
{
    [Fact]
    public void ParseRecords_IpmiSimStream_SuitesWithAlgorithms()
    {
        // ipmi_sim: C0 03 01 41 81 = suite 3, RAKP-HMAC-SHA1, HMAC-SHA1-96, AES-CBC-128.
        byte[] stream = [0xC0, 0x00, 0x00, 0x40, 0x80, 0xC0, 0x03, 0x01, 0x41, 0x81, 0xC0, 0x11, 0x03, 0x44, 0x81];

        var records = GetChannelCipherSuites.ParseRecords(stream);

        Assert.Equal([0, 3, 17], records.Select(r => (int)r.Id));
        Assert.Equal(new CipherSuiteRecord(3, 1, 1, 1), records[1]);
        Assert.Equal(new CipherSuiteRecord(17, 3, 4, 1), records[2]);
    }

    [Fact]
    public void ParseRecords_OemRecordAndWrongTags_Tolerated()
    {
        // OEM record with IANA 0x00002A, then a Sun-style record whose tags are all 00b.
        byte[] stream = [0xC1, 0x80, 0x2A, 0x00, 0x00, 0x01, 0x41, 0x81, 0xC0, 0x02, 0x01, 0x01, 0x00];

        var records = GetChannelCipherSuites.ParseRecords(stream);

        Assert.Equal(2, records.Count);
        Assert.Equal(0x2Au, records[0].OemIana);
        Assert.Equal(new CipherSuiteRecord(2, 1, 1, 0), records[1]);
    }

    [Fact]
    public void ParseRecords_GarbageAndTruncatedTail_NeverThrows()
    {
        var random = new Random(1234);
        for (var i = 0; i < 2000; i++)
        {
            var bytes = new byte[random.Next(0, 40)];
            random.NextBytes(bytes);

            var records = GetChannelCipherSuites.ParseRecords(bytes);

            Assert.True(records.Count <= bytes.Length / 3);
        }
    }

    [Fact]
    public void EncodeRecords_ChunkedResponses_ParseBack()
    {
        var suites = new[] { new CipherSuiteRecord(1, 1, 0, 0), new CipherSuiteRecord(2, 1, 1, 0), new CipherSuiteRecord(3, 1, 1, 1), new CipherSuiteRecord(17, 3, 4, 1) };
        var stream = GetChannelCipherSuites.EncodeRecords(suites);
        var collected = new List<byte>();
        for (byte index = 0; index < 8; index++)
        {
            var response = GetChannelCipherSuites.EncodeResponse(1, GetChannelCipherSuites.Chunk(stream, index));
            var (_, chunk) = GetChannelCipherSuites.DecodeResponse(response);
            collected.AddRange(chunk.ToArray());
            if (chunk.Length < GetChannelCipherSuites.ChunkSize)
            {
                break;
            }
        }

        Assert.Equal(suites, GetChannelCipherSuites.ParseRecords(collected.ToArray()));
        var request = GetChannelCipherSuites.DecodeRequest(GetChannelCipherSuites.CreateRequest(2).Data.Span);
        Assert.Equal((byte)2, request.ListIndex);
        Assert.True(request.ListByCipherSuite);
    }
}
