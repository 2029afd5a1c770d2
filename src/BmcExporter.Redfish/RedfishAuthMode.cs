namespace BmcExporter.Redfish;

/// <summary>How a <see cref="RedfishSession"/> authenticates (Redfish Specification DSP0266 §13.3).</summary>
public enum RedfishAuthMode
{
    /// <summary>
    /// SessionService login (POST to the Sessions collection), X-Auth-Token kept across scrapes, re-login on 401;
    /// HTTP Basic when the service has no SessionService or does not implement session creation.
    /// </summary>
    Session,

    /// <summary>HTTP Basic on every request; no session is created.</summary>
    Basic,
}
