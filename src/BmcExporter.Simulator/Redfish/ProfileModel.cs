using System.Collections.Immutable;
using System.Text;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// The Redfish shape of a profile, built once per fleet and shared by every BMC: which IPMI sensors become
/// Redfish sensors (threshold sensors with a known unit) and which become parts (PSU, drive, processor, memory).
/// </summary>
internal sealed class ProfileModel
{
    public const byte ProcessorType = 0x07;
    public const byte PowerSupplyType = 0x08;
    public const byte MemoryType = 0x0C;
    public const byte DriveSlotType = 0x0D;

    public ProfileModel(SimProfile profile)
    {
        Profile = profile;
        var sensors = new List<SimSensor>();
        var parts = new List<SimPart>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var d in profile.Sensors)
        {
            for (var k = 0; k < d.ShareCount; k++)
            {
                var name = IpmiName(d, k);
                if (d.IsThreshold && d.Record != SdrRecordKind.EventOnly && Kind(d) is { } kind)
                {
                    sensors.Add(new SimSensor(UniqueId(name, ids), name, d, k, kind.Kind, kind.Unit, Quantised(d)));
                }
                else if (!d.IsThreshold && d.SensorType is PowerSupplyType or DriveSlotType or ProcessorType or MemoryType && d.EventReadingType == 0x6F)
                {
                    parts.Add(new SimPart(UniqueId(name, ids), name, d, k, d.SensorType));
                }
            }
        }

        Sensors = [.. sensors];
        Parts = [.. parts];
    }

    public SimProfile Profile { get; }

    public ImmutableArray<SimSensor> Sensors { get; }

    public ImmutableArray<SimPart> Parts { get; }

    public IEnumerable<SimPart> PartsOf(byte sensorType) => Parts.Where(p => p.SensorType == sensorType);

    /// <summary>
    /// The name an IPMI reader gives the k-th sensor of a record (the codec's shared-sensor naming, as FreeIPMI
    /// <c>--shared-sensors</c> prints it: "PSU 1"), so the Redfish view names every sensor and part as the IPMI view does.
    /// </summary>
    public static string IpmiName(SensorDefinition d, int k) => d.ShareCount <= 1 ? d.Name
        : BmcExporter.Ipmi.Sdr.SdrSensors.SharedName(d.Name, BmcExporter.Ipmi.Sdr.SdrSensors.Modifier(
            d.ShareAlpha ? BmcExporter.Ipmi.Sdr.IdStringModifierType.Alpha : BmcExporter.Ipmi.Sdr.IdStringModifierType.Numeric, d.ShareOffset, k));

    /// <summary>Redfish Ids are URI segments: letters, digits, '_' and '-' only (DSP0266 §9.1.3 resource URIs).</summary>
    public static string IdOf(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name.Trim())
        {
            sb.Append(char.IsAsciiLetterOrDigit(c) || c is '-' ? c : '_');
        }

        return sb.Length == 0 ? "Sensor" : sb.ToString();
    }

    private static string UniqueId(string name, HashSet<string> taken)
    {
        var id = IdOf(name);
        var candidate = id;
        for (var n = 2; !taken.Add(candidate); n++)
        {
            candidate = $"{id}_{n}";
        }

        return candidate;
    }

    private static (SimSensorKind Kind, string Unit)? Kind(SensorDefinition d)
    {
        if (d.Percentage)
        {
            return (SimSensorKind.Percent, "%");
        }

        return d.Unit switch
        {
            1 => (SimSensorKind.Temperature, "Cel"),
            4 => (SimSensorKind.Voltage, "V"),
            5 => (SimSensorKind.Current, "A"),
            6 => (SimSensorKind.Power, "W"),
            18 => (SimSensorKind.Rotational, "RPM"),
            _ => null,
        };
    }

    /// <summary>Each threshold through the sensor's raw byte and back, as the IPMI view returns it.</summary>
    private static SimThresholds Quantised(SensorDefinition d)
    {
        double? Q(double? v) => v is { } x ? Round(d.Conversion.ToValue(d.Conversion.ToRaw(x, d.AnalogFormat), d.AnalogFormat)) : null;
        var t = d.Thresholds;
        return new SimThresholds(Q(t.Lnc), Q(t.Lcr), Q(t.Lnr), Q(t.Unc), Q(t.Ucr), Q(t.Unr));
    }

    /// <summary>Values are sent with at most 6 decimals (the conversion's floating-point noise removed).</summary>
    public static double Round(double value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
}
