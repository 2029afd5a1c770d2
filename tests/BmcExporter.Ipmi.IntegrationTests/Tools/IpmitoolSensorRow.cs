namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>One line of <c>ipmitool sensor</c>: name | value | unit | status | LNR | LCR | LNC | UNC | UCR | UNR.</summary>
internal sealed record IpmitoolSensorRow(
    string Name, string ValueText, string Unit, string Status, double? Lnr, double? Lcr, double? Lnc, double? Unc, double? Ucr, double? Unr)
{
    public bool IsDiscrete => Unit == "discrete";

    public double? Value => IsDiscrete ? null : ToolValues.Number(ValueText);

    /// <summary>Discrete sensors print the two state bytes as 0xAABB (AA = offsets 0-7, BB = offsets 8-14).</summary>
    public int DiscreteStates
    {
        get
        {
            int raw = ToolValues.Hex(Status);
            return ((raw >> 8) & 0xFF) | ((raw & 0x7F) << 8);
        }
    }

    public static IReadOnlyList<IpmitoolSensorRow> Parse(string output) =>
        ToolValues.Lines(output).Select(line =>
        {
            string[] c = line.Split('|').Select(s => s.Trim()).ToArray();
            if (c.Length < 10)
            {
                throw new FormatException($"ipmitool sensor line with {c.Length} columns: '{line}'");
            }

            return new IpmitoolSensorRow(
                c[0], c[1], c[2], c[3], ToolValues.Number(c[4]), ToolValues.Number(c[5]), ToolValues.Number(c[6]),
                ToolValues.Number(c[7]), ToolValues.Number(c[8]), ToolValues.Number(c[9]));
        }).ToArray();
}

/// <summary>One line of <c>ipmitool sdr elist all</c>: name | NNh | status | entity.instance | description.</summary>
internal sealed record IpmitoolSdrRow(string Name, int Number, string Status, int EntityId, int EntityInstance, string Description)
{
    public static IReadOnlyList<IpmitoolSdrRow> Parse(string output) =>
        ToolValues.Lines(output).Select(line =>
        {
            string[] c = line.Split('|').Select(s => s.Trim()).ToArray();
            if (c.Length < 5)
            {
                throw new FormatException($"ipmitool sdr line with {c.Length} columns: '{line}'");
            }

            string[] entity = c[3].Split('.');
            return new IpmitoolSdrRow(c[0], ToolValues.Hex(c[1]), c[2], int.Parse(entity[0], System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(entity[1], System.Globalization.CultureInfo.InvariantCulture), c[4]);
        }).ToArray();
}
