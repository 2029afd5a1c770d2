using System.Text.RegularExpressions;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>One <c>sel_events</c> item as written.</summary>
internal sealed class SelEventSettings : SettingsNode
{
    public Located<string>? Name { get; set; }

    public Located<string>? Regex { get; set; }

    public SelEventMatcher? Build(BuildContext c)
    {
        if (Name is null || Regex is null)
        {
            c.Error(this, "each SEL event needs both name and regex");
            return null;
        }

        return RegexSetting.Compile(c, Regex) is { } regex ? new SelEventMatcher(Name.Value, regex) : null;
    }
}

/// <summary>Regexes from the file: .NET syntax, checked at load time, matched with a 100 ms limit.</summary>
internal static class RegexSetting
{
    public static Regex? Compile(BuildContext c, Located<string> pattern)
    {
        try
        {
            // ipmi_exporter's patterns are Go RE2, whose named groups (?P<name>...) .NET writes (?<name>...).
            return new Regex(pattern.Value.Replace("(?P<", "(?<", StringComparison.Ordinal), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));
        }
        catch (ArgumentException ex)
        {
            c.Error(pattern, $"'{pattern.Value}' is not a valid regular expression: {ex.Message}");
            return null;
        }
    }
}
