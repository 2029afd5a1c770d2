using System.Globalization;

namespace BmcExporter.Ipmi.IntegrationTests.Tools;

/// <summary>Shared parsing of the tools' printed numbers ("na", "N/A" and empty mean "no value").</summary>
internal static class ToolValues
{
    public static double? Number(string text)
    {
        string t = text.Trim();
        if (t.Length == 0 || t.Equals("na", StringComparison.OrdinalIgnoreCase) || t == "N/A")
        {
            return null;
        }

        return double.Parse(t, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    public static int Hex(string text) =>
        int.Parse(text.Trim().Replace("0x", "", StringComparison.OrdinalIgnoreCase).TrimEnd('h', 'H'), NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static IEnumerable<string> Lines(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Trim().Length > 0);
}
