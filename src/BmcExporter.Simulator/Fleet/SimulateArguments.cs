using System.Globalization;
using System.Net;
using System.Text;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Simulator.Fleet;

/// <summary>
/// Parses <c>simulate --bmcs N --port-base P [--bind ADDR] [--profile NAME|FILE] [--seed S] [--faults FILE]
/// [--user NAME --password-file FILE] [--idle-timeout SECONDS]</c>. Every mistake throws
/// <see cref="ArgumentException"/> naming the option at fault.
/// </summary>
public static class SimulateArguments
{
    public const string Usage = """
        Usage: bmc-exporter simulate --bmcs N --port-base P [options]
          --bmcs N               number of BMCs (1-65535)
          --port-base P          UDP port of the first BMC (BMC i listens on P+i; 0 = free ports)
          --bind ADDR            address to listen on (default 127.0.0.1)
          --profile NAME|FILE    shipped profile (typical-1u, gpu-dense) or a YAML profile file
          --seed S               seed for sensor behaviour and fault selection (default 1)
          --faults FILE          YAML fault file (see docs/simulator.md)
          --fault RULE           one fault rule inline, repeatable, e.g. --fault "{ fraction: 0.1, loss: 0.05 }"
          --user NAME            USER-privilege account every BMC accepts (needs --password-file)
          --password-file FILE   file holding that account's password (first line)
          --idle-timeout SEC     idle session timeout (default: the profile's, 60 s)
          --redfish-port-base P  also serve Redfish over HTTPS, BMC i on TCP P+i (0 = free ports)
          --redfish-schema S     legacy | modern | both (default both): Thermal/Power, Sensors/subsystems, or both
          --redfish-mockup DIR   serve a DMTF mockup tree (DIR/X/Y/index.json = /redfish/v1/X/Y) on every BMC
          --redfish-ca-out FILE  write the CA certificate (PEM) that signs the HTTPS certificate, for ca_file
          --redfish-fault RULE   one Redfish fault inline, repeatable, e.g. --redfish-fault "{ latencyMs: 200 }"
        """;

    public static FleetOptions Parse(IReadOnlyList<string> args)
    {
        int? bmcs = null;
        int? portBase = null;
        var bind = IPAddress.Loopback;
        SimProfile? profile = null;
        ulong seed = 1;
        var faults = new List<FaultRule>();
        string? user = null;
        byte[]? password = null;
        TimeSpan? idle = null;
        var redfish = new RedfishArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            string Value()
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new ArgumentException($"{option} needs a value.");
                }

                return args[++i];
            }

            switch (option)
            {
                case "--bmcs":
                    bmcs = Integer(option, Value(), 1, 65535);
                    break;
                case "--port-base":
                    portBase = Integer(option, Value(), 0, 65535);
                    break;
                case "--bind":
                    var text = Value();
                    bind = IPAddress.TryParse(text, out var address) ? address : throw new ArgumentException($"--bind: '{text}' is not an IP address.");
                    break;
                case "--profile":
                    profile = LoadProfile(Value());
                    break;
                case "--seed":
                    var s = Value();
                    seed = ulong.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : throw new ArgumentException($"--seed: '{s}' is not a non-negative integer.");
                    break;
                case "--faults":
                    faults.AddRange(LoadFaults(Value()));
                    break;
                case "--fault":
                    faults.AddRange(ParseInlineFault(Value()));
                    break;
                case "--user":
                    user = Value();
                    if (user.Length == 0 || Encoding.ASCII.GetByteCount(user) > 16 || user.Any(c => c is < ' ' or > '~'))
                    {
                        throw new ArgumentException("--user must be 1-16 printable ASCII characters (IPMI v2.0 §13.20).");
                    }

                    break;
                case "--password-file":
                    password = ReadPassword(Value());
                    break;
                case "--idle-timeout":
                    idle = TimeSpan.FromSeconds(Integer(option, Value(), 1, 86400));
                    break;
                case "--redfish-port-base":
                    redfish.PortBase = Integer(option, Value(), 0, 65535);
                    break;
                case "--redfish-schema" or "--redfish-mockup" or "--redfish-ca-out" or "--redfish-fault":
                    redfish.Set(option, Value());
                    break;
                default:
                    throw new ArgumentException($"Unknown option '{option}'.");
            }
        }

        if (bmcs is null)
        {
            throw new ArgumentException("--bmcs is required.");
        }

        if (portBase is null)
        {
            throw new ArgumentException("--port-base is required (0 picks free ports).");
        }

        if (portBase != 0 && portBase + bmcs - 1 > 65535)
        {
            throw new ArgumentException($"--port-base {portBase} with --bmcs {bmcs} runs past port 65535.");
        }

        if ((user is null) != (password is null))
        {
            throw new ArgumentException("--user and --password-file go together.");
        }

        return new FleetOptions
        {
            BmcCount = bmcs.Value,
            PortBase = portBase.Value,
            BindAddress = bind,
            Profile = profile,
            Seed = seed,
            Faults = faults,
            UserName = user,
            Password = password is null ? (ReadOnlyMemory<byte>?)null : password,
            IdleTimeout = idle,
            Redfish = redfish.Build(bmcs.Value),
        };
    }

    private static int Integer(string option, string text, int min, int max) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n
            : throw new ArgumentException($"{option}: '{text}' is not an integer between {min} and {max}.");

    private static SimProfile LoadProfile(string nameOrPath)
    {
        try
        {
            return ProfileLoader.Load(nameOrPath);
        }
        catch (ProfileException ex)
        {
            throw new ArgumentException($"--profile: {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<FaultRule> LoadFaults(string path)
    {
        try
        {
            return FaultLoader.LoadFile(path);
        }
        catch (ProfileException ex)
        {
            throw new ArgumentException($"--faults: {ex.Message}", ex);
        }
    }

    private static IReadOnlyList<FaultRule> ParseInlineFault(string rule)
    {
        try
        {
            return FaultLoader.Parse($"faults: [ {rule} ]", "--fault");
        }
        catch (ProfileException ex)
        {
            throw new ArgumentException(ex.Message, ex);
        }
    }

    private static byte[] ReadPassword(string path)
    {
        string text;
        try
        {
            text = File.ReadLines(path).FirstOrDefault() ?? "";
        }
        catch (IOException ex)
        {
            throw new ArgumentException($"--password-file: cannot read '{path}': {ex.Message}", ex);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ArgumentException($"--password-file: cannot read '{path}': {ex.Message}", ex);
        }

        var bytes = Encoding.ASCII.GetBytes(text.TrimEnd('\r'));
        return bytes.Length is 0 or > 20
            ? throw new ArgumentException($"--password-file: the password in '{path}' must be 1-20 bytes (IPMI v2.0 §13.31).")
            : bytes;
    }
}
