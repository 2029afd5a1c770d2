namespace BmcExporter.Simulator.Redfish;

/// <summary>Which Redfish resource models a simulated BMC offers for its sensors (real BMCs offer one or both).</summary>
public enum RedfishSchema
{
    /// <summary>Legacy Thermal and Power only (older BMCs).</summary>
    Legacy,

    /// <summary>Sensors, ThermalSubsystem and PowerSubsystem only (newer BMCs).</summary>
    Modern,

    /// <summary>Both, as most BMCs since 2021 do.</summary>
    Both,
}

/// <summary>
/// Redfish (HTTPS) side of a simulated fleet: one Kestrel server, one port per BMC, on the fleet's bind address
/// (loopback). Null <see cref="Fleet.FleetOptions.Redfish"/> = IPMI only.
/// </summary>
public sealed record RedfishServerOptions
{
    /// <summary>HTTPS port of BMC 0 (BMC i on PortBase + i); 0 = free ports (see SimulatedFleet.RedfishEndpoints).</summary>
    public int PortBase { get; init; }

    public RedfishSchema Schema { get; init; } = RedfishSchema.Both;

    /// <summary>Serve this DMTF mockup tree (X/Y/index.json = /redfish/v1/X/Y) as-is on every BMC instead of the profile view.</summary>
    public string? MockupDirectory { get; init; }

    /// <summary>
    /// 0 or 1: the legacy Power resource has one system PowerControl member (PhysicalContext Chassis). 2 or more: it has
    /// that many power-domain members instead (no PhysicalContext, no system member), whose figures add up to the system
    /// power, as services that split PowerControl per domain do. Default 0.
    /// </summary>
    public int PowerDomains { get; init; }

    /// <summary>Offer SessionService (login, X-Auth-Token). False = no SessionService: clients must use Basic.</summary>
    public bool Sessions { get; init; } = true;

    /// <summary>Idle time after which a session expires (SessionService.SessionTimeout). Default 30 min.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Sessions one BMC holds at once; a login beyond it is refused with 503. Default 16.</summary>
    public int MaxSessions { get; init; } = 16;

    /// <summary>Advertise and honour <c>$expand</c> (ProtocolFeaturesSupported.ExpandQuery). Default true.</summary>
    public bool Expand { get; init; } = true;

    /// <summary>Answer If-None-Match with 304 when the ETag matches. Default true (ETags are always sent).</summary>
    public bool ConditionalGet { get; init; } = true;

    /// <summary>Collections longer than this are paged with <c>Members@odata.nextLink</c> ($skiptoken); 0 = no paging.</summary>
    public int PageSize { get; init; }

    /// <summary>Faults of the HTTP layer (latency, 503, truncated JSON, wrong content type, session lifetime).</summary>
    public IReadOnlyList<RedfishFaultRule> Faults { get; init; } = [];

    /// <summary>The CA and server certificate; null = generated at start (see SimulatedFleet.RedfishCertificates).</summary>
    public RedfishCertificates? Certificates { get; init; }

    internal void Validate(int bmcCount)
    {
        if (PortBase != 0 && (PortBase < 1 || PortBase + bmcCount - 1 > 65535))
        {
            throw new ArgumentOutOfRangeException(nameof(PortBase), PortBase, $"--redfish-port-base {PortBase} with {bmcCount} BMCs runs past port 65535.");
        }

        if (MockupDirectory is not null && !File.Exists(Path.Combine(MockupDirectory, "index.json")))
        {
            throw new ArgumentException($"--redfish-mockup: '{MockupDirectory}' has no index.json (the service root).", nameof(MockupDirectory));
        }

        if (PowerDomains is < 0 or > 16)
        {
            throw new ArgumentOutOfRangeException(nameof(PowerDomains), PowerDomains, "PowerDomains must be 0 to 16.");
        }

        if (SessionTimeout <= TimeSpan.Zero || MaxSessions < 1 || PageSize < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(SessionTimeout), "SessionTimeout and MaxSessions must be positive, PageSize non-negative.");
        }
    }
}
