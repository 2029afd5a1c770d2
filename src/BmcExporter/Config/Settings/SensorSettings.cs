using System.Text.RegularExpressions;
using BmcExporter.Config.IpmiExporter;
using BmcExporter.Config.Yaml;
using BmcExporter.Ipmi.Tables;

namespace BmcExporter.Config.Settings;

/// <summary><c>modules.NAME.sensors:</c> as written; also takes ipmi_exporter's <c>exclude_sensor_ids</c> and the custom_args filters.</summary>
internal sealed class SensorSettings : SettingsNode
{
    public List<Located<string>?>? Include { get; set; }

    public List<Located<string>?>? Exclude { get; set; }

    public List<Located<string>?>? IncludeTypes { get; set; }

    public List<Located<string>?>? ExcludeTypes { get; set; }

    public List<Located<int>?>? IncludeRecordIds { get; set; }

    public List<Located<int>?>? ExcludeRecordIds { get; set; }

    public Located<bool>? IgnoreNotAvailable { get; set; }

    public SensorFilter Build(BuildContext c, IEnumerable<Located<int>> excludeSensorIds, FreeIpmiOptions args) => new()
    {
        Include = Regexes(c, Include, "include"),
        Exclude = Regexes(c, Exclude, "exclude"),
        IncludeTypes = Types(c, c.Items(IncludeTypes, At("include_types")).Concat(Words(args.SensorTypes, "all"))),
        ExcludeTypes = Types(c, c.Items(ExcludeTypes, At("exclude_types")).Concat(Words(args.ExcludeSensorTypes, "none"))),
        IncludeRecordIds = RecordIds(c, c.Items(IncludeRecordIds, At("include_record_ids")).Concat(Ids(c, args.RecordIds, "all"))),
        ExcludeRecordIds = RecordIds(c, c.Items(ExcludeRecordIds, At("exclude_record_ids")).Concat(excludeSensorIds).Concat(Ids(c, args.ExcludeRecordIds, "none"))),
        IgnoreNotAvailable = (IgnoreNotAvailable?.Value ?? false) || args.IgnoreNotAvailable,
    };

    private List<Regex> Regexes(BuildContext c, List<Located<string>?>? patterns, string key) =>
        [.. c.Items(patterns, At(key)).Select(p => RegexSetting.Compile(c, p)).OfType<Regex>()];

    private static HashSet<byte> Types(BuildContext c, IEnumerable<Located<string>> names)
    {
        var codes = new HashSet<byte>();
        foreach (var name in names)
        {
            if (SensorTypeNames.TryParse(name.Value, out var first, out var last))
            {
                codes.UnionWith(Enumerable.Range(first, last - first + 1).Select(code => (byte)code));
            }
            else
            {
                c.Error(name, $"'{name.Value}' is not a sensor type name or number (e.g. Temperature, Fan, Power_Supply, 0x07, OEM_Reserved)");
            }
        }

        return codes;
    }

    private static HashSet<int> RecordIds(BuildContext c, IEnumerable<Located<int>> ids)
    {
        var set = new HashSet<int>();
        foreach (var id in ids)
        {
            if (id.Value is < 0 or > 65_535)
            {
                c.Error(id, $"{id.Value} is out of range 0..65535");
            }
            else
            {
                set.Add(id.Value);
            }
        }

        return set;
    }

    /// <summary>The items of a FreeIPMI list option; <paramref name="everything"/> (<c>all</c> or <c>none</c>) means no filter.</summary>
    private static IEnumerable<Located<string>> Words(Located<string>? option, string everything) =>
        option is null ? [] : FreeIpmiOptions.ListItems(option).Where(w => !w.Value.Equals(everything, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Located<int>> Ids(BuildContext c, Located<string>? option, string everything)
    {
        foreach (var word in Words(option, everything))
        {
            if (int.TryParse(word.Value, out var id))
            {
                yield return new Located<int>(id, word.Path, word.Start);
            }
            else
            {
                c.Error(word, $"'{word.Value}' is not a record ID");
            }
        }
    }
}
