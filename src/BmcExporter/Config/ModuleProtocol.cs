namespace BmcExporter.Config;

/// <summary><c>protocol:</c> how a module's targets are read.</summary>
public enum ModuleProtocol
{
    /// <summary>IPMI 2.0 over LAN (RMCP+), the default.</summary>
    Ipmi,

    /// <summary>Redfish over HTTPS (DSP0266).</summary>
    Redfish,

    /// <summary>Redfish when the target's service root answers, IPMI otherwise (probed again every hour and after a Redfish connection failure).</summary>
    Auto,
}
