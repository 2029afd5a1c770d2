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

    /// <param name="c">The build context.</param>
    /// <param name="excludeSensorIds">ipmi_exporter's <c>exclude_sensor_ids</c>.</param>
    /// <param name="args">The module's custom_args options.</param>
    /// <param name="peer">The module is written for ipmi_exporter, whose <c>ipmimonitoring</c> leaves out sensors without a reading by default.</param>
    public SensorFilter Build(BuildContext c, IEnumerable<Located<int>> excludeSensorIds, FreeIpmiOptions args, bool peer) => new()
    {
        Include = Regexes(c, Include, "include"),
        Exclude = Regexes(c, Exclude, "exclude"),
        IncludeTypes = Types(c, c.Items(IncludeTypes, At("include_types")).Concat(Words(args["sensor-types"], "all"))),
        ExcludeTypes = Types(c, c.Items(ExcludeTypes, At("exclude_types")).Concat(Words(args["exclude-sensor-types"], "none"))),
        IncludeRecordIds = RecordIds(c, c.Items(IncludeRecordIds, At("include_record_ids")).Concat(Ids(c, args["record-ids"], "all"))),
        ExcludeRecordIds = RecordIds(c, c.Items(ExcludeRecordIds, At("exclude_record_ids")).Concat(excludeSensorIds).Concat(Ids(c, args["exclude-record-ids"], "none"))),
        IgnoreNotAvailable = (IgnoreNotAvailable?.Value ?? peer) || args.Switches.Contains("ignore-not-available-sensors"),
    };

    private List<Regex> Regexes(BuildContext c, List<Located<string>?>? patterns, string key) =>
        c.Each(patterns, At(key), p => ModuleBuilder.CompileRegex(c, p) is { } regex ? (true, regex) : (false, null!));

    private static HashSet<byte> Types(BuildContext c, IEnumerable<Located<string>> names) =>
        [.. c.Each(names, null, n => SensorTypeNames.TryParse(n.Value, out var first, out var last) ? (true, Enumerable.Range(first, last - first + 1))
            : c.Fail<IEnumerable<int>>(n, $"'{n.Value}' is not a sensor type name or number (e.g. Temperature, Fan, Power_Supply, 0x07, OEM_Reserved)"))
            .SelectMany(codes => codes).Select(code => (byte)code)];

    private static HashSet<int> RecordIds(BuildContext c, IEnumerable<Located<int>> ids) =>
        [.. c.Each(ids, null, id => id.Value is >= 0 and <= 65_535 ? (true, id.Value) : c.Fail<int>(id, $"{id.Value} is out of range 0..65535"))];

    /// <summary>The items of a FreeIPMI list option; <paramref name="everything"/> (<c>all</c> or <c>none</c>) means no filter.</summary>
    private static IEnumerable<Located<string>> Words(Located<string>? option, string everything) =>
        option is null ? [] : FreeIpmiOptions.ListItems(option).Where(w => !w.Value.Equals(everything, StringComparison.OrdinalIgnoreCase));

    private static IEnumerable<Located<int>> Ids(BuildContext c, Located<string>? option, string everything) =>
        c.Each(Words(option, everything), null, w => YamlNumbers.TryParseInt(w.Value, out var id) ? (true, new Located<int>(id, w.Path, w.Start))
            : c.Fail<Located<int>>(w, $"'{w.Value}' is not a record ID"));
}
