using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// The one place a Redfish reading or part becomes the host's <see cref="SensorReading"/>, so every output maps it
/// exactly as an IPMI sensor of the same meaning (table in docs/metrics.md). Kinds: Temperature, fan RPM, fan percent,
/// Voltage, Current and Power get their ipmi_exporter family; any other quantity is a generic sensor of type
/// "Other Units-based Sensor". Parts (PSU, drive, processor, memory, storage controller, fan) become discrete sensors
/// of the matching IPMI sensor type (Table 42-3) whose state is their Status.Health.
/// </summary>
public static class RedfishReadingMapper
{
    // IPMI v2.0 Table 42-3 sensor type codes.
    private const byte TemperatureType = 0x01;
    private const byte VoltageType = 0x02;
    private const byte CurrentType = 0x03;
    private const byte FanType = 0x04;
    private const byte ProcessorType = 0x07;
    private const byte PowerSupplyType = 0x08;
    private const byte OtherUnitsType = 0x0B;
    private const byte MemoryType = 0x0C;
    private const byte DriveSlotType = 0x0D;
    private const byte ModuleBoardType = 0x15;

    // IPMI v2.0 Table 43-15 base unit codes.
    private const byte DegreesC = 1;
    private const byte Volts = 4;
    private const byte Amps = 5;
    private const byte Watts = 6;
    private const byte Rpm = 18;

    /// <summary>
    /// Every reading, then every part not already present as a fan reading, with an <c>id</c> unique within the BMC:
    /// the resource's own Id (or <c>Array/MemberId</c> for legacy array members), or its path below
    /// <c>/redfish/v1/</c> when two would share one.
    /// </summary>
    public static List<SensorReading> Map(RedfishReadings readings)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var items = new List<(string Uri, SensorReading Reading)>(readings.Sensors.Length + readings.Components.Length);
        var fans = new HashSet<string>(StringComparer.Ordinal);
        foreach (var s in readings.Sensors)
        {
            items.Add((s.Id, Reading(s)));
            if (s.Kind == RedfishSensorKind.Fan)
            {
                fans.Add(s.Name);
            }
        }

        foreach (var c in readings.Components)
        {
            // A fan part beside its own speed sensor would report the same fan twice.
            if (c.Kind != RedfishComponentKind.Fan || !fans.Contains(c.Name))
            {
                items.Add((c.Id, Part(c)));
            }
        }

        var shortIds = items.Select(i => ShortId(i.Uri)).ToList();
        var counts = shortIds.GroupBy(id => id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return items.Select((item, i) => item.Reading with { SourceId = counts[shortIds[i]] == 1 ? shortIds[i] : LongId(item.Uri) }).ToList();
    }

    /// <summary>A numeric reading.</summary>
    public static SensorReading Reading(RedfishSensorReading s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var (kind, type, units, value) = Classify(s);
        var thresholds = new SensorThresholds(
            s.Thresholds.LowerFatal, s.Thresholds.LowerCritical, s.Thresholds.LowerCaution,
            s.Thresholds.UpperCaution, s.Thresholds.UpperCritical, s.Thresholds.UpperFatal);
        var unavailable = value is null || s.Status.State is RedfishState.Absent or RedfishState.UnavailableOffline or RedfishState.Disabled;
        var status = unavailable ? SensorStatus.Unavailable : StatusOf(s.Status.Health, value!.Value, thresholds);
        return new SensorReading
        {
            RecordId = 0,
            SensorNumber = 0,
            Name = s.Name,
            SourceId = s.Id,
            SensorTypeCode = type,
            EventReadingType = 0x01,
            Units = units,
            Kind = kind,
            Value = unavailable ? null : value,
            Status = status,
            State = StateOf(status),
            Thresholds = thresholds,
            IsThresholdBased = true,
            ReadingUnavailable = unavailable,
            Reason = unavailable ? $"no reading (State {s.Status.State})" : null,
        };
    }

    /// <summary>A part's health as a discrete sensor.</summary>
    public static SensorReading Part(RedfishComponentHealth c)
    {
        ArgumentNullException.ThrowIfNull(c);
        var status = c.Status.Health switch
        {
            RedfishHealth.OK => SensorStatus.Ok,
            RedfishHealth.Warning => SensorStatus.Warning,
            RedfishHealth.Critical => SensorStatus.Critical,
            _ => SensorStatus.Unavailable,
        };
        return new SensorReading
        {
            RecordId = 0,
            SensorNumber = 0,
            Name = c.Name,
            SourceId = c.Id,
            SensorTypeCode = c.Kind switch
            {
                RedfishComponentKind.PowerSupply => PowerSupplyType,
                RedfishComponentKind.Fan => FanType,
                RedfishComponentKind.Drive => DriveSlotType,
                RedfishComponentKind.Processor => ProcessorType,
                RedfishComponentKind.Memory => MemoryType,
                _ => ModuleBoardType,
            },
            EventReadingType = 0x6F,
            Kind = SensorKind.Other,
            Status = status,
            State = StateOf(status),
            ReadingUnavailable = status == SensorStatus.Unavailable,
            Reason = status == SensorStatus.Unavailable ? $"no health reported (State {c.Status.State})" : null,
        };
    }

    /// <summary>
    /// The <c>ipmi_*_state</c> value a Redfish reading stands for. Redfish carries no IPMI event offsets for FreeIPMI's
    /// interpretation table, so the severity is mapped the way that table grades thresholds: nothing crossed (OK)
    /// nominal, a caution (Warning) warning, a critical or fatal crossing (Critical) critical, no reading N/A.
    /// </summary>
    private static SensorState StateOf(SensorStatus status) => status switch
    {
        SensorStatus.Ok => SensorState.Nominal,
        SensorStatus.Warning => SensorState.Warning,
        SensorStatus.Critical or SensorStatus.NonRecoverable => SensorState.Critical,
        _ => SensorState.Unknown,
    };

    /// <summary>
    /// Health when the service gives it (a Critical reading past a Fatal threshold is non-recoverable, as IPMI says),
    /// else the thresholds the value crossed.
    /// </summary>
    private static SensorStatus StatusOf(RedfishHealth health, double value, SensorThresholds t)
    {
        var crossed = value >= t.UpperNonRecoverable || value <= t.LowerNonRecoverable ? SensorStatus.NonRecoverable
            : value >= t.UpperCritical || value <= t.LowerCritical ? SensorStatus.Critical
            : value >= t.UpperNonCritical || value <= t.LowerNonCritical ? SensorStatus.Warning
            : SensorStatus.Ok;
        return health switch
        {
            RedfishHealth.OK => SensorStatus.Ok,
            RedfishHealth.Warning => SensorStatus.Warning,
            RedfishHealth.Critical => crossed == SensorStatus.NonRecoverable ? SensorStatus.NonRecoverable : SensorStatus.Critical,
            _ => crossed,
        };
    }

    private static (SensorKind Kind, byte Type, SensorUnits? Units, double? Value) Classify(RedfishSensorReading s) => s.Kind switch
    {
        RedfishSensorKind.Temperature => (SensorKind.Temperature, TemperatureType, SensorUnits.Create(DegreesC), s.Value),
        RedfishSensorKind.Fan when s.Unit == "%" => (SensorKind.FanRatio, FanType, SensorUnits.Create(0, percentage: true), s.Value),
        RedfishSensorKind.Fan => (SensorKind.FanSpeed, FanType, SensorUnits.Create(Rpm), s.Value),
        RedfishSensorKind.Voltage => (SensorKind.Voltage, VoltageType, SensorUnits.Create(Volts), s.Value),
        RedfishSensorKind.Current => (SensorKind.Current, CurrentType, SensorUnits.Create(Amps), s.Value),

        // IPMI has no power sensor type; BMCs type watt sensors Current (0x03), and so does this mapping.
        RedfishSensorKind.Power => (SensorKind.Power, CurrentType, SensorUnits.Create(Watts), s.Value),
        RedfishSensorKind.Percent => (SensorKind.Other, OtherUnitsType, SensorUnits.Create(0, percentage: true), s.Value),
        _ => (SensorKind.Other, OtherUnitsType, null, s.Value),
    };

    /// <summary>The resource's Id: the last path segment, or <c>Array/MemberId</c> after a legacy <c>#/</c> fragment.</summary>
    internal static string ShortId(string uri)
    {
        var hash = uri.IndexOf("#/", StringComparison.Ordinal);
        if (hash >= 0)
        {
            return uri[(hash + 2)..];
        }

        var trimmed = uri.TrimEnd('/');
        var slash = trimmed.LastIndexOf('/');
        return slash >= 0 && slash < trimmed.Length - 1 ? trimmed[(slash + 1)..] : trimmed;
    }

    /// <summary>The path below <c>/redfish/v1/</c>, unique within the service.</summary>
    internal static string LongId(string uri)
    {
        const string root = "/redfish/v1/";
        var at = uri.IndexOf(root, StringComparison.Ordinal);
        return at >= 0 ? uri[(at + root.Length)..] : uri;
    }
}
