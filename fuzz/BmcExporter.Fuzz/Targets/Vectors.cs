namespace BmcExporter.Fuzz.Targets;

/// <summary>Record bytes for seeds: the ipmi_sim fixture's SDRs and SEL entries (harness.md, reference §6.4).</summary>
internal static class Vectors
{
    public static byte[][] Sdrs { get; } =
    [
        Hex("0000 5112 0e 2000 00 9f 000000 06 01 00 c3 424d43"),
        Hex("0000 5101 33 2000 01 07 01 7f 68 01 01 95 0a 95 7a 3f 3f 00 01 00 00 01 00 00 00 00 00 07 00 ff 00 ff 00 64 5a 50 00 05 0a 02 02 00 00 00 c8 4350552054656d70"),
        Hex("0000 5102 1f 2000 04 23 01 c7 08 6f 03 00 03 00 00 00 c0 00 00 01 01 00 00 00 00 00 00 00 c7 50535531205374"),
        Hex("0000 5103 11 2000 09 07 01 01 03 00 00 00 00 c6 4576656e7473"),
        Hex("0000 5111 12 2000 01 80 00 00 10 00 0a 01 00 c7 505355204652550000"),
    ];

    public static byte[][] Sels { get; } =
    [
        Hex("0100 02 00000000 2000 04 01 02 01 575550"),
        Hex("0200 02 00000000 2000 04 08 1f ef 00ffff"),
        Hex("0300 c0 00000000 0c0b0a 112233445566"),
        Hex("0400 e0 0102030405060708090a0b0c0d"),
    ];

    private static byte[] Hex(string text) => Convert.FromHexString(text.Replace(" ", string.Empty, StringComparison.Ordinal));
}
