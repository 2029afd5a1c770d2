using System.Globalization;

namespace BmcExporter.Config.Yaml;

/// <summary>
/// Scalars as YAML 1.1 reads them (what ipmi_exporter's go-yaml v2 accepts, so its files mean the same here):
/// integers in decimal, <c>0x</c> hex, <c>0o</c> or leading-zero octal, <c>0b</c> binary, with <c>_</c> separators;
/// booleans true/false, yes/no, on/off, y/n in lower, Title or UPPER case.
/// </summary>
internal static class YamlNumbers
{
    public static bool TryParseInt(string text, out int value)
    {
        value = 0;
        var s = text.Replace("_", string.Empty, StringComparison.Ordinal).Trim();
        var negative = s.StartsWith('-');
        if (negative || s.StartsWith('+'))
        {
            s = s[1..];
        }

        var (digits, radix) = s switch
        {
            _ when s.StartsWith("0x", StringComparison.OrdinalIgnoreCase) => (s[2..], 16),
            _ when s.StartsWith("0o", StringComparison.OrdinalIgnoreCase) => (s[2..], 8),
            _ when s.StartsWith("0b", StringComparison.OrdinalIgnoreCase) => (s[2..], 2),
            _ when s.Length > 1 && s[0] == '0' => (s[1..], 8),
            _ => (s, 10),
        };
        if (digits.Length == 0)
        {
            return false;
        }

        long result = 0;
        foreach (var c in digits)
        {
            var digit = char.IsAsciiDigit(c) ? c - '0' : char.IsAsciiHexDigit(c) ? char.ToLowerInvariant(c) - 'a' + 10 : 99;
            if (digit >= radix || (result = (result * radix) + digit) > int.MaxValue + 1L)
            {
                return false;
            }
        }

        result = negative ? -result : result;
        if (result is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)result;
        return true;
    }

    public static bool TryParseBool(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE" or "yes" or "Yes" or "YES" or "on" or "On" or "ON" or "y" or "Y":
                value = true;
                return true;
            case "false" or "False" or "FALSE" or "no" or "No" or "NO" or "off" or "Off" or "OFF" or "n" or "N":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>A plain non-negative decimal integer (ipmi_exporter's millisecond timeout), else <c>null</c>.</summary>
    public static long? PlainNumber(string text) =>
        text.Length is > 0 and < 19 && text.All(char.IsAsciiDigit) ? long.Parse(text, CultureInfo.InvariantCulture) : null;
}
