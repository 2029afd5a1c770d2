using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Options for reading sensors (protocol reference §3.4, §3.9).</summary>
public sealed record SensorReadOptions
{
    public static SensorReadOptions Default { get; } = new();

    /// <summary>The BMC's own slave address; sensors owned by another address are "foreign". Default 0x20.</summary>
    public byte BmcAddress { get; init; } = IpmiAddresses.Bmc;

    /// <summary>Read sensors owned by other controllers by bridging (Send Message). Default false: they are reported not readable.</summary>
    public bool BridgeForeignSensors { get; init; }

    /// <summary>Read every sensor at the BMC's address whatever its owner (FreeIPMI <c>assumebmcowner</c>, Fujitsu quirk).</summary>
    public bool AssumeBmcOwner { get; init; }

    /// <summary>Ask Get Sensor Thresholds for threshold sensors whose SDR marks thresholds readable. Default true.</summary>
    public bool ReadThresholds { get; init; } = true;

    /// <summary>When set, live thresholds are read once per sensor and reused from here on later reads.</summary>
    public SensorThresholdCache? ThresholdCache { get; init; }

    public SensorInterpretOptions Interpretation { get; init; } = SensorInterpretOptions.Default;
}
