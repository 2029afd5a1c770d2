using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Redfish;

/// <summary>Redfish reading kinds the profile view serves (Sensor.ReadingType).</summary>
internal enum SimSensorKind
{
    Temperature,
    Rotational,
    Voltage,
    Current,
    Power,
    Percent,
}

/// <summary>
/// The fixed part of one analog profile sensor as Redfish shows it: URI-safe id, IPMI name, kind and unit, and the
/// thresholds quantised exactly as Get Sensor Thresholds returns them, so both views agree.
/// </summary>
internal sealed record SimSensor(string Id, string Name, SensorDefinition Definition, int ShareIndex, SimSensorKind Kind, string Unit, SimThresholds Thresholds)
{
    public string ReadingType => Kind.ToString();
}

/// <summary>IPMI thresholds in Redfish terms: NC = Caution, CR = Critical, NR = Fatal (engineering units, quantised).</summary>
internal sealed record SimThresholds(double? LowerCaution, double? LowerCritical, double? LowerFatal, double? UpperCaution, double? UpperCritical, double? UpperFatal);

/// <summary>A discrete profile sensor shown as a Redfish part (PSU, drive, processor, DIMM).</summary>
internal sealed record SimPart(string Id, string Name, SensorDefinition Definition, int ShareIndex, byte SensorType);
