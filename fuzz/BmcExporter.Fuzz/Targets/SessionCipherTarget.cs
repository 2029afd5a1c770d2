using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Fuzz.Targets;

/// <summary>
/// In-session packets opened with fixed keys (suites 3 and 17): session ID and flag checks, AuthCode, AES-CBC and its
/// pad, then the IPMI message. The first byte picks the suite. Random bytes almost never pass the MAC, so the
/// seeds are real sealed packets whose MAC-covered bytes the fuzzer must keep intact to go deeper.
/// </summary>
internal sealed class SessionCipherTarget : IFuzzTarget
{
    private const uint ConsoleSessionId = 0xA0A2A3A4;
    private static readonly SessionCipher[] Ciphers = [Create(3), Create(17)];

    public string Name => "cipher";

    public void Run(ReadOnlySpan<byte> data)
    {
        if (data.IsEmpty)
        {
            return;
        }

        Span<byte> plain = stackalloc byte[512];
        var opened = Ciphers[data[0] & 1].Open(data[1..], ConsoleSessionId, plain);
        if (opened.PayloadType == PayloadType.Ipmi)
        {
            FramingTarget.DecodeMessage(plain[..opened.Length]);
        }
    }

    public IEnumerable<byte[]> Seeds()
    {
        var header = IpmiMessageHeader.ForRequest(NetFn.App, 0x01, 9).ToResponse();
        byte[] deviceId = [0x20, 0x81, 0x02, 0x10, 0x02, 0xBF, 0x57, 0x01, 0x00, 0x34, 0x12];
        for (var i = 0; i < Ciphers.Length; i++)
        {
            var buffer = new byte[Ciphers[i].GetSealedLength(IpmiLanMessage.GetResponseLength(deviceId.Length))];
            var length = Ciphers[i].SealResponse(buffer, ConsoleSessionId, 5, header, 0, deviceId);
            yield return [(byte)i, .. buffer.AsSpan(0, length)];
        }
    }

    private static SessionCipher Create(byte suiteId)
    {
        var suite = CipherSuite.Get(suiteId);
        byte[] random = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];
        var exchange = new RakpExchange(ConsoleSessionId, 0x12345678, random, random, random, RakpRole.Create(PrivilegeLevel.User, true), "reader"u8);
        using var keys = exchange.DeriveKeys(suite, "readpass"u8, default);
        return new SessionCipher(keys);
    }
}
