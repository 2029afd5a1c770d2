using System.Text;
using BenchmarkDotNet.Attributes;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Benchmarks;

/// <summary>
/// Encode+seal and open+decode of a Get Sensor Reading (S/E 0x2D) request/response round trip, per cipher suite.
/// Baseline: the same round trip as unprotected RMCP+ packets (framing and checksums only, no crypto).
/// </summary>
[MemoryDiagnoser]
public class SessionPacketBenchmarks
{
    private const uint ConsoleSessionId = 0xA0A2A3A4;
    private const uint BmcSessionId = 0x12345678;
    private static readonly byte[] RequestData = [0x05];
    private static readonly byte[] ResponseData = [0x2D, 0xC0, 0xC0, 0x00];

    private readonly byte[] _request = new byte[256];
    private readonly byte[] _response = new byte[256];
    private readonly byte[] _plain = new byte[256];
    private SessionCipher _client = null!;
    private SessionCipher _bmc = null!;
    private int _sealedResponseLength;
    private uint _sequence;

    [Params((byte)3, (byte)17)]
    public byte Suite { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var exchange = new RakpExchange(
            ConsoleSessionId, BmcSessionId, new byte[16], Enumerable.Range(16, 16).Select(i => (byte)i).ToArray(),
            Enumerable.Range(32, 16).Select(i => (byte)i).ToArray(), 0x12, Encoding.ASCII.GetBytes("reader"));
        using var keys = exchange.DeriveKeys(CipherSuite.Get(Suite), Encoding.ASCII.GetBytes("readpass"), default);
        _client = new SessionCipher(keys);
        _bmc = new SessionCipher(keys);
        var header = IpmiMessageHeader.ForRequest(NetFn.SensorEvent, 0x2D, 7).ToResponse();
        _sealedResponseLength = _bmc.SealResponse(_response, ConsoleSessionId, 1, header, 0, ResponseData);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _bmc.Dispose();
    }

    [Benchmark(Baseline = true)]
    public int UnprotectedRoundTrip()
    {
        var header = IpmiMessageHeader.ForRequest(NetFn.SensorEvent, 0x2D, 7);
        var requestLength = RmcpPlusPacket.WriteRequest(_request, BmcSessionId, ++_sequence, header, RequestData);
        var request = IpmiLanMessage.ParseRequest(RmcpDatagram.Parse(_request.AsSpan(0, requestLength)).Payload);
        var responseLength = RmcpPlusPacket.WriteResponse(_response, ConsoleSessionId, _sequence, request.Header.ToResponse(), 0, ResponseData);
        var response = IpmiLanMessage.ParseResponse(RmcpDatagram.Parse(_response.AsSpan(0, responseLength)).Payload);
        return response.Data.Length;
    }

    [Benchmark]
    public int EncodeAndSealRequest()
    {
        var header = IpmiMessageHeader.ForRequest(NetFn.SensorEvent, 0x2D, 7);
        return _client.SealRequest(_request, BmcSessionId, ++_sequence, header, RequestData);
    }

    [Benchmark]
    public int OpenAndDecodeResponse()
    {
        var opened = _client.Open(_response.AsSpan(0, _sealedResponseLength), ConsoleSessionId, _plain);
        return IpmiLanMessage.ParseResponse(_plain.AsSpan(0, opened.Length)).Data.Length;
    }

    [Benchmark]
    public int SealedRoundTrip()
    {
        var header = IpmiMessageHeader.ForRequest(NetFn.SensorEvent, 0x2D, 7);
        var requestLength = _client.SealRequest(_request, BmcSessionId, ++_sequence, header, RequestData);
        var inbound = _bmc.Open(_request.AsSpan(0, requestLength), BmcSessionId, _plain);
        var request = IpmiLanMessage.ParseRequest(_plain.AsSpan(0, inbound.Length));
        var responseLength = _bmc.SealResponse(_response, ConsoleSessionId, _sequence, request.Header.ToResponse(), 0, ResponseData);
        var opened = _client.Open(_response.AsSpan(0, responseLength), ConsoleSessionId, _plain);
        return IpmiLanMessage.ParseResponse(_plain.AsSpan(0, opened.Length)).Data.Length;
    }
}
