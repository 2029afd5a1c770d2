using BmcExporter.Config.Settings;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.IpmiExporter;

/// <summary>
/// Reads ipmi_exporter's <c>custom_args</c>: per collector, FreeIPMI command-line arguments (a list, one argument
/// per item as in a program's argv, or one string split like a shell would). Options are parsed like FreeIPMI's
/// getopt does (<c>-I 17</c>, <c>-I17</c>, <c>"-I 17"</c>, <c>--cipher-suite-id=17</c>). Each option becomes a
/// setting, or a warning saying why it has no effect; values of <c>-p</c>/<c>-k</c> are never echoed.
/// </summary>
internal static class CustomArgs
{
    private const string Output = "shapes FreeIPMI's text output, which bmc-exporter does not parse";
    private const string SdrCache = "concerns FreeIPMI's SDR cache; bmc-exporter keeps its own in state_dir";
    private const string InBand = "is an in-band driver setting; bmc-exporter reaches BMCs over the LAN";

    // ipmi_exporter's collector names (custom_args keys it reads).
    private static readonly string[] PeerCollectors = ["ipmi", "bmc", "bmc-watchdog", "chassis", "dcmi", "sel", "sel-events", "sm-lan-mode"];

    private static readonly string[] Programs =
        ["ipmimonitoring", "ipmi-sensors", "ipmi-sel", "ipmi-dcmi", "ipmi-chassis", "ipmi-raw", "bmc-info", "bmc-watchdog", "sudo"];

    private static readonly Dictionary<string, Spec> Options = BuildOptions();

    private enum Kind
    {
        CipherSuite,
        Privilege,
        Workarounds,
        Driver,
        Kg,
        User,
        Password,
        BridgeSensors,
        SessionTimeout,
        SensorTypes,
        ExcludeSensorTypes,
        RecordIds,
        ExcludeRecordIds,
        IgnoreNotAvailable,
        SharedSensors,
        NoEffect,
    }

    public static FreeIpmiOptions Read(BuildContext c, LocatedMap<ArgList>? customArgs, IReadOnlyList<CollectorKind> enabled)
    {
        var options = new FreeIpmiOptions();
        foreach (var (collector, args) in customArgs ?? [])
        {
            if (!PeerCollectors.Contains(collector.Value))
            {
                c.Warn(collector, $"'{collector.Value}' is not an ipmi_exporter collector ({string.Join(", ", PeerCollectors)}), so these arguments are never used; ignored");
                continue;
            }

            if (!CollectorNames.TryParse(collector.Value, out var kind) || !enabled.Contains(kind))
            {
                c.Warn(collector, $"the {collector.Value} collector is not enabled in this module, so ipmi_exporter would not use these arguments; ignored");
                continue;
            }

            if (Tokens(c, args) is { } argv)
            {
                Parse(c, argv, kind == CollectorKind.Sensors, collector.Value, options);
            }
        }

        return options;
    }

    private static List<Located<string>>? Tokens(BuildContext c, ArgList? args)
    {
        if (args?.Line is { } line)
        {
            var words = ShellWords.Split(line.Value);
            if (words is null)
            {
                c.Error(line, "has a quote that is not closed");
                return null;
            }

            return [.. words.Select(w => line with { Value = w })];
        }

        return [.. args?.Items?.OfType<Located<string>>() ?? []];
    }

    private static void Parse(BuildContext c, List<Located<string>> argv, bool sensors, string collector, FreeIpmiOptions options)
    {
        var endOfOptions = false;
        for (var i = 0; i < argv.Count; i++)
        {
            var arg = argv[i];
            var text = arg.Value.Trim();
            if (endOfOptions || text.Length < 2 || text[0] != '-')
            {
                Positional(c, arg, text);
                continue;
            }

            if (text == "--")
            {
                endOfOptions = true;
                continue;
            }

            // Long options: --name=value or --name value. Short ones may be bundled (-bq) and take their value
            // attached (-I17, "-I 17") or from the next argument.
            var shortOptions = text[1] != '-';
            for (var j = 1; j < text.Length; j++)
            {
                var (name, attached) = shortOptions ? ($"-{text[j]}", text[(j + 1)..]) : SplitLong(text);
                if (!Options.TryGetValue(name, out var spec))
                {
                    c.Warn(arg, $"'{name}' is not a FreeIPMI option bmc-exporter knows; it has no effect");
                    break;
                }

                Located<string>? value = null;
                if (spec.TakesValue)
                {
                    if (attached is { Length: > 0 })
                    {
                        value = arg with { Value = attached.Trim() };
                    }
                    else if (i + 1 < argv.Count)
                    {
                        i++;
                        value = argv[i] with { Value = argv[i].Value.Trim() };
                    }

                    if (value is null)
                    {
                        c.Error(arg, $"'{name}' needs a value");
                        break;
                    }
                }

                Apply(c, arg, name, spec, value, sensors, collector, options);
                if (!shortOptions || spec.TakesValue)
                {
                    break;
                }
            }
        }
    }

    private static (string Name, string? Value) SplitLong(string text)
    {
        var eq = text.IndexOf('=', StringComparison.Ordinal);
        return eq < 0 ? (text, null) : (text[..eq], text[(eq + 1)..]);
    }

    private static void Positional(BuildContext c, Located<string> arg, string text)
    {
        var program = Path.GetFileName(text);
        c.Warn(arg, Programs.Contains(program)
            ? $"'{text}' is a program for collector_cmd to run; bmc-exporter runs no programs, so it has no effect"
            : "an argument that follows no option has no effect here");
    }

    private static void Apply(BuildContext c, Located<string> arg, string name, Spec spec, Located<string>? value, bool sensors, string collector, FreeIpmiOptions o)
    {
        switch (spec.Kind)
        {
            case Kind.NoEffect:
                c.Warn(arg, $"'{name}' has no effect: it {spec.Why}");
                return;
            case Kind.SensorTypes or Kind.ExcludeSensorTypes or Kind.RecordIds or Kind.ExcludeRecordIds or Kind.IgnoreNotAvailable or Kind.SharedSensors when !sensors:
                c.Warn(arg, $"'{name}' is honoured for the ipmi (sensors) collector only; for {collector} it has no effect");
                return;
            case Kind.Workarounds:
                o.Workarounds.AddRange(FreeIpmiOptions.ListItems(value!));
                return;
            case Kind.BridgeSensors:
                o.BridgeSensors = true;
                return;
            case Kind.IgnoreNotAvailable:
                o.IgnoreNotAvailable = true;
                return;
            case Kind.SharedSensors:
                o.SharedSensors = true;
                return;
        }

        var secret = spec.Kind is Kind.Password or Kind.Kg;
        var current = spec.Kind switch
        {
            Kind.CipherSuite => o.CipherSuite,
            Kind.Privilege => o.Privilege,
            Kind.Driver => o.Driver,
            Kind.User => o.User,
            Kind.Password => o.Password,
            Kind.Kg => o.Kg,
            Kind.SessionTimeout => o.SessionTimeout,
            Kind.SensorTypes => o.SensorTypes,
            Kind.ExcludeSensorTypes => o.ExcludeSensorTypes,
            Kind.RecordIds => o.RecordIds,
            _ => o.ExcludeRecordIds,
        };
        if (current is not null)
        {
            if (current.Value != value!.Value)
            {
                c.Warn(arg, secret
                    ? $"'{name}' is given again with another value; one session serves every collector, so the first one is used"
                    : $"'{name} {value.Value}' differs from '{current.Value}' given before; one session serves every collector, so '{current.Value}' is used");
            }

            return;
        }

        _ = spec.Kind switch
        {
            Kind.CipherSuite => o.CipherSuite = value,
            Kind.Privilege => o.Privilege = value,
            Kind.Driver => o.Driver = value,
            Kind.User => o.User = value,
            Kind.Password => o.Password = value,
            Kind.Kg => o.Kg = value,
            Kind.SessionTimeout => o.SessionTimeout = value,
            Kind.SensorTypes => o.SensorTypes = value,
            Kind.ExcludeSensorTypes => o.ExcludeSensorTypes = value,
            Kind.RecordIds => o.RecordIds = value,
            _ => o.ExcludeRecordIds = value,
        };
    }

    private static Dictionary<string, Spec> BuildOptions()
    {
        var table = new Dictionary<string, Spec>(StringComparer.Ordinal);
        void Add(Kind kind, bool takesValue, string? why, params string[] names)
        {
            foreach (var name in names)
            {
                table[name] = new Spec(kind, takesValue, why);
            }
        }

        // FreeIPMI 1.6 general and ipmi-sensors/ipmimonitoring options (their manual pages).
        Add(Kind.CipherSuite, true, null, "-I", "--cipher-suite-id");
        Add(Kind.Privilege, true, null, "-l", "--privilege-level");
        Add(Kind.Workarounds, true, null, "-W", "--workaround-flags");
        Add(Kind.Driver, true, null, "-D", "--driver-type");
        Add(Kind.Kg, true, null, "-k", "--k-g");
        Add(Kind.User, true, null, "-u", "--username");
        Add(Kind.Password, true, null, "-p", "--password");
        Add(Kind.BridgeSensors, false, null, "-b", "--bridge-sensors");
        Add(Kind.SessionTimeout, true, null, "--session-timeout");
        Add(Kind.SensorTypes, true, null, "-t", "--sensor-types");
        Add(Kind.ExcludeSensorTypes, true, null, "-T", "--exclude-sensor-types");
        Add(Kind.RecordIds, true, null, "-r", "--record-ids");
        Add(Kind.ExcludeRecordIds, true, null, "-R", "--exclude-record-ids");
        Add(Kind.IgnoreNotAvailable, false, null, "--ignore-not-available-sensors");
        Add(Kind.SharedSensors, false, null, "--shared-sensors");
        Add(Kind.NoEffect, true, "names the BMC, which here comes from the target (ipmi_exporter adds its own -h after these)", "-h", "--hostname");
        Add(Kind.NoEffect, true, "sets FreeIPMI's retransmit interval; set the module's timeout and retries instead", "--retransmission-timeout");
        Add(Kind.NoEffect, true, "picks an IPMI 1.5 authentication type; bmc-exporter always uses IPMI 2.0", "-a", "--authentication-type");
        Add(Kind.NoEffect, false, "prompts on a terminal, which an exporter has not", "-P", "--password-prompt", "-K", "--k-g-prompt");
        Add(Kind.NoEffect, true, "names a FreeIPMI config file; bmc-exporter reads none", "--config-file");
        Add(Kind.NoEffect, true, InBand, "--driver-address", "--driver-device", "--register-spacing", "--target-channel-number", "--target-slave-address");
        Add(Kind.NoEffect, false, InBand, "--disable-auto-probe");
        Add(Kind.NoEffect, true, SdrCache, "--sdr-cache-directory", "--sdr-cache-file");
        Add(Kind.NoEffect, false, SdrCache, "--sdr-cache-recreate", "--quiet-cache", "-Q", "--ignore-sdr-cache", "-f", "--flush-cache");
        Add(Kind.NoEffect, false, "changes sensor names; here names stay the SDR ID strings", "--entity-sensor-names");
        Add(Kind.NoEffect, true, Output, "--sensor-state-config-file", "--sensor-config-file", "-F", "--fanout");
        Add(Kind.NoEffect, false, Output, "-v", "-vv", "-q", "--quiet-readings", "-i", "--sdr-info", "--comma-separated-output",
            "--no-header-output", "--non-abbreviated-units", "--legacy-output", "--ipmimonitoring-legacy-output", "--no-sensor-type-output",
            "--output-event-bitmask", "--output-sensor-state", "--output-event-state", "--output-sensor-thresholds", "--interpret-oem-data",
            "--ignore-unrecognized-events", "--ignore-non-interpretable-sensors", "-B", "--buffer-output", "-C", "--consolidate-output",
            "-E", "--eliminate", "--always-prefix", "--debug");
        return table;
    }

    private sealed record Spec(Kind Kind, bool TakesValue, string? Why);
}
