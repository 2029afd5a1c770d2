using BmcExporter.Config.Yaml;
using BmcExporter.Redfish;

namespace BmcExporter.Config.Settings;

/// <summary><c>modules.NAME.redfish:</c> as written, and the module's <c>protocol:</c> check.</summary>
internal sealed class RedfishSettings : SettingsNode
{
    private static readonly Dictionary<string, ModuleProtocol> Protocols = new(StringComparer.Ordinal)
    {
        ["ipmi"] = ModuleProtocol.Ipmi,
        ["redfish"] = ModuleProtocol.Redfish,
        ["auto"] = ModuleProtocol.Auto,
    };

    private static readonly Dictionary<string, RedfishAuthMode> AuthModes = new(StringComparer.Ordinal)
    {
        ["session"] = RedfishAuthMode.Session,
        ["basic"] = RedfishAuthMode.Basic,
    };

    public Located<int>? Port { get; set; }
    public Located<string>? CaFile { get; set; }
    public Located<bool>? InsecureSkipVerify { get; set; }
    public Located<string>? Auth { get; set; }
    public Located<int>? MaxInFlight { get; set; }
    public Located<bool>? Expand { get; set; }

    /// <summary>The module's <c>protocol:</c>; default ipmi.</summary>
    public static ModuleProtocol Protocol(BuildContext c, Located<string>? protocol) => c.Choice(protocol, ModuleProtocol.Ipmi, Protocols);

    /// <summary>
    /// Builds the block. Without Redfish in <paramref name="protocol"/> a <c>redfish:</c> block would do nothing, so
    /// it is an error; <c>insecure_skip_verify</c> is a start-up warning.
    /// </summary>
    public static RedfishModuleConfig Build(BuildContext c, RedfishSettings? r, ModuleProtocol protocol, ILocated owner)
    {
        if (r is null)
        {
            return RedfishModuleConfig.Default;
        }

        if (protocol == ModuleProtocol.Ipmi)
        {
            c.Error(r, "a redfish block needs protocol: redfish or auto (this module speaks IPMI only)");
        }

        var insecure = r.InsecureSkipVerify?.Value ?? false;
        var caFile = r.CaFile is null ? null : c.ResolvePath(c.Text(r.CaFile, "."));
        if (caFile is not null && !File.Exists(caFile))
        {
            c.Error(r.CaFile!, $"file {caFile} does not exist (it must hold the PEM certificate of the CA that signs the BMCs' HTTPS certificates)");
        }

        if (insecure && caFile is not null)
        {
            c.Error(r.InsecureSkipVerify!, "insecure_skip_verify: true and ca_file exclude each other (ca_file verifies against those roots only)");
        }
        else if (insecure)
        {
            c.Warn(r.InsecureSkipVerify!, $"TLS certificates of this module's BMCs are not verified ({owner.Path}): anyone on the path can read the Redfish credentials; set ca_file instead");
        }

        return new RedfishModuleConfig
        {
            Port = r.Port is null ? null : c.Int(r.Port, RedfishModuleConfig.DefaultPort, 1, 65535),
            CaFile = caFile,
            InsecureSkipVerify = insecure,
            Auth = c.Choice(r.Auth, RedfishAuthMode.Session, AuthModes),
            MaxInFlight = c.Int(r.MaxInFlight, 4, 1, 64),
            Expand = r.Expand?.Value ?? true,
        };
    }
}
