using System.Globalization;

namespace BmcExporter.Config.Yaml;

/// <summary>
/// Scalars as YAML 1.1 reads them, which is what ipmi_exporter's go-yaml v2 accepts, so its files mean the same
/// here: integers in decimal, <c>0x</c> hex, <c>0o</c> or leading-zero octal, <c>0b</c> binary, with <c>_</c>
/// separators; booleans true/false, yes/no, on/off, y/n in lower, Title or UPPER case.
/// </summary>
internal static class YamlNumbers
{
    public static bool TryParseInt(string text, out int value)
    {
        value = 0;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        var sign = s.StartsWith('-') ? -1 : 1;
        s = s.TrimStart('-', '+');
        var (digits, radix) = s.Length < 2 || s[0] != '0' ? (s, 10)
            : char.ToLowerInvariant(s[1]) switch { 'x' => (s[2..], 16), 'o' => (s[2..], 8), 'b' => (s[2..], 2), _ => (s[1..], 8) };
        try
        {
            var number = sign * Convert.ToInt64(digits, radix);
            value = (int)number;
            return digits.Length is > 0 and < 16 && digits.All(char.IsAsciiHexDigit) && number is >= int.MinValue and <= int.MaxValue;
        }
        catch (Exception ex) when (ex is FormatException or OverflowException or ArgumentException)
        {
            return false;
        }
    }

    public static bool TryParseBool(string text, out bool value)
    {
        value = text is "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y";
        return value || text is "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N";
    }

    /// <summary>A plain non-negative decimal integer (ipmi_exporter's millisecond timeout), else <c>null</c>.</summary>
    public static long? PlainNumber(string text) =>
        text.Length is > 0 and < 19 && text.All(char.IsAsciiDigit) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
