using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.IpmiExporter;

/// <summary>
/// What a module's <c>custom_args</c> ask for, by FreeIPMI long option name (<c>cipher-suite-id</c>, <c>password</c>,
/// <c>sensor-types</c>...): the first value given for each, the switches given, and every <c>-W</c> flag.
/// </summary>
internal sealed class FreeIpmiOptions
{
    public Dictionary<string, Located<string>> Values { get; } = new(StringComparer.Ordinal);

    public HashSet<string> Switches { get; } = new(StringComparer.Ordinal);

    public List<Located<string>> Workarounds { get; } = [];

    public Located<string>? this[string option] => Values.GetValueOrDefault(option);

    /// <summary>Splits a FreeIPMI list value (<c>-W a,b</c>, <c>-t "fan temperature"</c>) at commas and spaces.</summary>
    public static IEnumerable<Located<string>> ListItems(Located<string> value) =>
        value.Value.Split([',', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries).Select(v => value with { Value = v });
}
