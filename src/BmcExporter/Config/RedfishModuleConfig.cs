using BmcExporter.Redfish;

namespace BmcExporter.Config;

/// <summary>
/// <c>modules.NAME.redfish:</c> how Redfish is spoken to a module's targets (with <c>protocol: redfish</c> or
/// <c>auto</c>). The account is the module's <c>user</c> and password. Compares by value.
/// </summary>
public sealed record RedfishModuleConfig
{
    /// <summary>The HTTPS port used when nothing else names one (DSP0266 §8.1: HTTPS, port 443).</summary>
    public const int DefaultPort = 443;

    /// <summary>The settings used when a module has no <c>redfish:</c> block.</summary>
    public static RedfishModuleConfig Default { get; } = new();

    /// <summary>
    /// <c>port</c>: the HTTPS port. Default none: 443, or with <c>protocol: redfish</c> the target's own port when
    /// the target names one other than 623 (the IPMI default).
    /// </summary>
    public int? Port { get; init; }

    /// <summary><c>ca_file</c>: PEM file of the CA(s) that sign the BMCs' certificates (absolute path). Default none: system roots.</summary>
    public string? CaFile { get; init; }

    /// <summary><c>insecure_skip_verify</c>: accept any certificate; logged as a warning at start-up. Default <c>false</c>.</summary>
    public bool InsecureSkipVerify { get; init; }

    /// <summary><c>auth</c>: <c>session</c> (SessionService login, Basic as the fallback) or <c>basic</c>. Default session.</summary>
    public RedfishAuthMode Auth { get; init; } = RedfishAuthMode.Session;

    /// <summary><c>max_in_flight</c>: requests in flight to one BMC (also its keep-alive connection limit), 1..64. Default 4.</summary>
    public int MaxInFlight { get; init; } = 4;

    /// <summary><c>expand</c>: use <c>$expand</c> when the service advertises it. Default <c>true</c>.</summary>
    public bool Expand { get; init; } = true;

    /// <summary>The HTTPS port for a target at <paramref name="targetPort"/> (see <see cref="Port"/>).</summary>
    public int PortFor(ModuleProtocol protocol, int targetPort) =>
        Port ?? (protocol == ModuleProtocol.Redfish && targetPort != TargetConfig.DefaultPort ? targetPort : DefaultPort);
}
