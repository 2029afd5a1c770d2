using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace BmcExporter.Config;

/// <summary>
/// ipmi_exporter compatibility: <c>driver</c> and <c>custom_args</c> (FreeIPMI command-line options) mapped
/// to what they mean here, with one warning per item that has no meaning.
/// </summary>
internal sealed partial class ConfigParser
{
    private static readonly string[] LocalDrivers = ["KCS", "SSIF", "OPENIPMI", "SUNBMC", "INTELDCMI"];

    private void ReadDriver(YamlNode node, string path)
    {
        var driver = ReadString(node, path)?.ToUpperInvariant();
        switch (driver)
        {
            case null or "LAN_2_0":
                break;
            case "LAN":
                Warn(node, path, "driver LAN (IPMI 1.5) is not supported; IPMI 2.0 (LAN_2_0, RMCP+) is used");
                break;
            default:
                if (LocalDrivers.Contains(driver))
                {
                    Warn(node, path, $"driver {driver} reads the local BMC in-band; bmc-exporter only speaks IPMI over LAN (LAN_2_0), which is used");
                }
                else
                {
                    Error(node, path, $"'{driver}' is not a FreeIPMI driver (LAN_2_0, LAN, KCS, SSIF, OPENIPMI, SUNBMC, INTELDCMI)");
                }

                break;
        }
    }

    private ModuleConfig ApplyCustomArgs(ModuleConfig module, YamlNode node, string path, HashSet<string> workarounds)
    {
        var map = ReadMap(node, path);
        if (map is null)
        {
            return module;
        }

        int? suite = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var collector = (keyNode as YamlScalarNode)?.Value ?? string.Empty;
            var p = Join(path, collector);
            if (!CollectorNames.TryParse(collector, out _))
            {
                Error(keyNode, p, $"'{collector}' is not a collector (known: {CollectorNames.Accepted})");
                continue;
            }

            var args = ReadStringList(value, p);
            if (args is null)
            {
                continue;
            }

            var seq = (YamlSequenceNode)(IsNull(value) ? new YamlSequenceNode() : value);
            for (var i = 0; i < args.Count; i++)
            {
                var itemNode = seq.Children[i];
                var itemPath = $"{p}[{i}]";
                var (option, inlineValue) = SplitOption(args[i]);
                string? NextValue()
                {
                    if (inlineValue is not null)
                    {
                        return inlineValue;
                    }

                    return i + 1 < args.Count ? args[++i] : null;
                }

                switch (option)
                {
                    case "-I" or "--cipher-suite-id":
                        var text = NextValue();
                        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || !ValidCipherSuites.Contains(id))
                        {
                            Error(itemNode, itemPath, $"cipher suite '{text}' is not one of {string.Join(", ", ValidCipherSuites)}");
                        }
                        else if (suite is not null && suite != id)
                        {
                            Warn(itemNode, itemPath, $"cipher suite {id} differs from {suite} given for another collector; one session serves every collector, so {suite} is used");
                        }
                        else
                        {
                            suite = id;
                        }

                        break;
                    case "--bridge-sensors":
                        module = module with { BridgeSensors = true };
                        break;
                    case "-W" or "--workaround-flags":
                        foreach (var flag in (NextValue() ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                        {
                            AddWorkaround(flag.ToLowerInvariant(), itemNode, itemPath, workarounds);
                        }

                        break;
                    case "-l" or "--privilege-level":
                        var level = NextValue();
                        module = module with { Privilege = ParsePrivilege(level, itemNode, itemPath) ?? module.Privilege };
                        break;
                    case "-p" or "--password" or "-k" or "--k-g" or "-u" or "--username" or "-h" or "--hostname":
                        // Never echo the value: it may be a password.
                        if (inlineValue is null)
                        {
                            i++;
                        }

                        Warn(itemNode, itemPath, $"'{option}' on the FreeIPMI command line is ignored; use the module's user, password_file/password_env and kg_* keys");
                        break;
                    default:
                        Warn(itemNode, itemPath, $"'{option}' has no meaning for bmc-exporter (it does not run FreeIPMI); ignored");
                        break;
                }
            }
        }

        return suite is null ? module : module with { CipherSuites = [suite.Value] };
    }

    private static (string Option, string? Value) SplitOption(string arg)
    {
        if (arg.StartsWith("--", StringComparison.Ordinal))
        {
            var eq = arg.IndexOf('=', StringComparison.Ordinal);
            return eq < 0 ? (arg, null) : (arg[..eq], arg[(eq + 1)..]);
        }

        // FreeIPMI short options take their value attached (-I17) or as the next argument (-I 17).
        if (arg.Length > 2 && arg[0] == '-' && arg[1] is 'I' or 'W' or 'l' or 'p' or 'k' or 'u' or 'h')
        {
            return (arg[..2], arg[2..]);
        }

        return (arg, null);
    }
}
