using System.Text;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Ipmi.Tests.Crypto;

/// <summary>Inputs of the reference §2.9 vectors (verified there against libfreeipmi 1.6.10).</summary>
internal static class VectorInputs
{
    public const uint ConsoleSessionId = 0xA0A2A3A4;
    public const uint BmcSessionId = 0x12345678;
    public const byte Role = 0x14;

    public static byte[] Password { get; } = Encoding.ASCII.GetBytes("password");

    public static byte[] UserName { get; } = Encoding.ASCII.GetBytes("admin");

    public static byte[] ConsoleRandom { get; } = Sequence(0x00);

    public static byte[] BmcRandom { get; } = Sequence(0x10);

    public static byte[] BmcGuid { get; } = Sequence(0x20);

    public static RakpExchange Exchange() => new(ConsoleSessionId, BmcSessionId, ConsoleRandom, BmcRandom, BmcGuid, Role, UserName);

    public static byte[] Sequence(byte start)
    {
        var bytes = new byte[16];
        for (var i = 0; i < 16; i++)
        {
            bytes[i] = (byte)(start + i);
        }

        return bytes;
    }

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));
}
