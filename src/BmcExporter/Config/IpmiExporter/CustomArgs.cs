using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.IpmiExporter;

/// <summary>
/// Reads ipmi_exporter's <c>custom_args</c>: per collector, FreeIPMI command-line arguments (a list, one argument
/// per item as in a program's argv, or one string split like a shell would), parsed like FreeIPMI's getopt
/// (<c>-I 17</c>, <c>-I17</c>, <c>"-I 17"</c>, <c>--cipher-suite-id=17</c>, bundled <c>-bW x</c>). Each option becomes a
/// setting in <see cref="FreeIpmiOptions"/>, or a warning that says why it has no effect; the values of <c>-p</c>
/// and <c>-k</c>, and arguments that follow no option, are never echoed.
/// </summary>
internal static class CustomArgs
{
    private const string Output = "shapes FreeIPMI's text output, which bmc-exporter does not parse";
    private const string Cache = "concerns FreeIPMI's SDR cache; bmc-exporter keeps its own in state_dir";
    private const string InBand = "is an in-band driver setting; bmc-exporter reaches BMCs over the LAN";

    // ipmi_exporter's collector names (the custom_args keys it reads).
    private static readonly string[] PeerCollectors = ["ipmi", "bmc", "bmc-watchdog", "chassis", "dcmi", "sel", "sel-events", "sm-lan-mode"];
    private static readonly string[] Programs = ["ipmimonitoring", "ipmi-sensors", "ipmi-sel", "ipmi-dcmi", "ipmi-chassis", "ipmi-raw", "bmc-info", "bmc-watchdog", "sudo"];

    // FreeIPMI 1.6 options (manual pages of ipmi-sensors, ipmimonitoring, ipmi-sel), short forms by long name.
    private static readonly Dictionary<char, string> Short = new()
    {
        ['I'] = "cipher-suite-id", ['l'] = "privilege-level", ['W'] = "workaround-flags", ['D'] = "driver-type", ['k'] = "k-g",
        ['u'] = "username", ['p'] = "password", ['b'] = "bridge-sensors", ['t'] = "sensor-types", ['T'] = "exclude-sensor-types",
        ['r'] = "record-ids", ['R'] = "exclude-record-ids", ['h'] = "hostname", ['a'] = "authentication-type", ['P'] = "password-prompt",
        ['K'] = "k-g-prompt", ['Q'] = "quiet-cache", ['f'] = "flush-cache", ['v'] = "verbose", ['q'] = "quiet-readings", ['i'] = "sdr-info",
        ['F'] = "fanout", ['B'] = "buffer-output", ['C'] = "consolidate-output", ['E'] = "eliminate",
    };

    /// <summary>Options that become settings, and whether they take a value.</summary>
    private static readonly Dictionary<string, bool> Honoured = Table(
        ("cipher-suite-id privilege-level workaround-flags driver-type k-g username password session-timeout sensor-types exclude-sensor-types record-ids exclude-record-ids", true, string.Empty),
        ("bridge-sensors ignore-not-available-sensors shared-sensors", false, string.Empty)).ToDictionary(o => o.Key, o => o.Value.Value);

    private static readonly string[] SensorOnly = ["sensor-types", "exclude-sensor-types", "record-ids", "exclude-record-ids", "ignore-not-available-sensors", "shared-sensors"];

    /// <summary>Options with no effect here: whether they take a value, and why.</summary>
    private static readonly Dictionary<string, (bool Value, string Why)> NoEffect = Table(
        ("hostname", true, "names the BMC, which here comes from the target (ipmi_exporter adds its own -h after these)"),
        ("retransmission-timeout", true, "sets FreeIPMI's retransmit interval; set the module's timeout and retries instead"),
        ("authentication-type", true, "picks an IPMI 1.5 authentication type; bmc-exporter always uses IPMI 2.0"),
        ("password-prompt k-g-prompt", false, "prompts on a terminal, which an exporter has not"),
        ("config-file", true, "names a FreeIPMI config file; bmc-exporter reads none"),
        ("entity-sensor-names", false, "changes sensor names; here names stay the SDR ID strings"),
        ("driver-address driver-device register-spacing target-channel-number target-slave-address", true, InBand),
        ("disable-auto-probe", false, InBand),
        ("sdr-cache-directory sdr-cache-file", true, Cache),
        ("sdr-cache-recreate quiet-cache ignore-sdr-cache flush-cache", false, Cache),
        ("sensor-state-config-file sensor-config-file fanout", true, Output),
        ("verbose quiet-readings sdr-info comma-separated-output no-header-output non-abbreviated-units legacy-output ipmimonitoring-legacy-output "
            + "no-sensor-type-output output-event-bitmask output-sensor-state output-event-state output-sensor-thresholds interpret-oem-data "
            + "ignore-unrecognized-events ignore-non-interpretable-sensors buffer-output consolidate-output eliminate always-prefix debug", false, Output));

    public static FreeIpmiOptions Read(BuildContext c, LocatedMap<ArgList>? customArgs, IReadOnlyList<CollectorKind> enabled)
    {
        var options = new FreeIpmiOptions();
        foreach (var (collector, args) in customArgs ?? [])
        {
            if (!PeerCollectors.Contains(collector.Value))
            {
                c.Warn(collector, $"'{collector.Value}' is not an ipmi_exporter collector ({string.Join(", ", PeerCollectors)}), so these arguments are never used; ignored");
            }
            else if (!CollectorNames.TryParse(collector.Value, out var kind) || !enabled.Contains(kind))
            {
                c.Warn(collector, $"the {collector.Value} collector is not enabled in this module, so ipmi_exporter would not use these arguments; ignored");
            }
            else if (Tokens(c, args) is { } argv)
            {
                Parse(c, argv, collector.Value, options);
            }
        }

        return options;
    }

    private static List<Located<string>>? Tokens(BuildContext c, ArgList? args)
    {
        if (args?.Line is not { } line)
        {
            return [.. args?.Items?.OfType<Located<string>>() ?? []];
        }

        var words = ShellWords.Split(line.Value);
        if (words is null)
        {
            c.Error(line, "has a quote that is not closed");
        }

        return words?.Select(w => line with { Value = w }).ToList();
    }

    private static void Parse(BuildContext c, List<Located<string>> argv, string collector, FreeIpmiOptions options)
    {
        var endOfOptions = false;
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            var text = arg.Value.Trim();
            if (endOfOptions || text.Length < 2 || text[0] != '-')
            {
                c.Warn(arg, Programs.Contains(Path.GetFileName(text))
                    ? $"'{text}' is a program for collector_cmd to run; bmc-exporter runs no programs, so it has no effect"
                    : "an argument that follows no option has no effect here");
                continue;
            }

            endOfOptions = text == "--";
            var isLong = text[1] == '-';
            for (var j = 1; j < text.Length && !endOfOptions; j++)
            {
                // A long option is --name or --name=value; short ones may be bundled, their value attached or next.
                var eq = text.IndexOf('=', StringComparison.Ordinal);
                var (name, attached) = isLong ? (eq < 0 ? text[2..] : text[2..eq], eq < 0 ? null : text[(eq + 1)..])
                    : (Short.GetValueOrDefault(text[j], $"{text[j]}"), text[(j + 1)..]);
                var shown = isLong ? $"--{name}" : $"-{text[j]}";
                var takesValue = Honoured.TryGetValue(name, out var valued) ? valued : NoEffect.TryGetValue(name, out var n) && n.Value;
                if (!Honoured.ContainsKey(name) && !NoEffect.ContainsKey(name))
                {
                    c.Warn(arg, $"'{shown}' is not a FreeIPMI option bmc-exporter knows; it has no effect");
                    break;
                }

                Located<string>? value = null;
                if (takesValue)
                {
                    value = attached is { Length: > 0 } ? arg with { Value = attached.Trim() }
                        : i + 1 < argv.Count ? argv[i + 1] with { Value = argv[i + 1].Value.Trim() } : null;
                    i += attached is { Length: > 0 } || value is null ? 0 : 1;
                    if (value is null)
                    {
                        c.Error(arg, $"'{shown}' needs a value");
                        break;
                    }
                }

                Apply(c, arg, value, name, shown, collector, options);
                if (isLong || takesValue)
                {
                    break;
                }
            }
        }
    }

    private static void Apply(BuildContext c, Located<string> option, Located<string>? value, string name, string shown, string collector, FreeIpmiOptions o)
    {
        if (NoEffect.TryGetValue(name, out var noEffect))
        {
            c.Warn(option, $"'{shown}' has no effect: it {noEffect.Why}");
        }
        else if (SensorOnly.Contains(name) && collector != "ipmi")
        {
            c.Warn(option, $"'{shown}' is honoured for the ipmi (sensors) collector only; for {collector} it has no effect");
        }
        else if (value is null)
        {
            o.Switches.Add(name);
        }
        else if (name == "workaround-flags")
        {
            o.Workarounds.AddRange(FreeIpmiOptions.ListItems(value));
        }
        else if (o[name] is { } first && first.Value != value.Value)
        {
            // One session serves every collector: the first value given wins.
            c.Warn(value, name is "password" or "k-g"
                ? $"'{shown}' is given again with another value; one session serves every collector, so the first one is used"
                : $"'{shown} {value.Value}' differs from '{first.Value}' given before; one session serves every collector, so '{first.Value}' is used");
        }
        else
        {
            o.Values.TryAdd(name, value);
        }
    }

    private static Dictionary<string, (bool Value, string Why)> Table(params (string Names, bool Value, string Why)[] groups) =>
        groups.SelectMany(g => g.Names.Split(' ').Select(name => (name, g.Value, g.Why))).ToDictionary(o => o.name, o => (o.Value, o.Why), StringComparer.Ordinal);
}
