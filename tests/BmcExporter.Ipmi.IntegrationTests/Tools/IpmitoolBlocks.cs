namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>
/// ipmitool's "Key : Value" listings (<c>sel list -v</c>, <c>fru</c>, <c>mc info</c>, <c>chassis status</c>),
/// split into blocks at a given first key.
/// </summary>
internal static class IpmitoolBlocks
{
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Parse(string output, string blockStartKey)
    {
        var blocks = new List<Dictionary<string, string>>();
        Dictionary<string, string>? current = null;
        foreach (string line in ToolValues.Lines(output))
        {
            int colon = line.IndexOf(" : ", StringComparison.Ordinal);
            if (colon < 0)
            {
                continue; // continuation lines such as the list under "Additional Device Support"
            }

            string key = line[..colon].Trim();
            string value = line[(colon + 3)..].Trim();
            if (key == blockStartKey || current is null)
            {
                current = new Dictionary<string, string>(StringComparer.Ordinal);
                blocks.Add(current);
            }

            current[key] = value;
        }

        return blocks;
    }

    public static IReadOnlyDictionary<string, string> Single(string output) =>
        Parse(output, "\u0000").SingleOrDefault() ?? new Dictionary<string, string>();
}
