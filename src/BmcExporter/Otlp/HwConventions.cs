using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Otlp;

/// <summary>
/// Names from the OpenTelemetry hardware semantic conventions (<c>hw.*</c>, status Development) and how
/// IPMI sensors map onto them. Every exported OTLP name and attribute key lives here.
/// </summary>
public static class HwConventions
{
    /// <summary>The instrumentation scope of the hardware metrics and SEL logs.</summary>
    public const string ScopeName = "BmcExporter.Hardware";

    /// <summary><c>service.name</c> of every resource the exporter sends.</summary>
    public const string ServiceName = "bmc-exporter";

    public const string Temperature = "hw.temperature";
    public const string TemperatureLimit = "hw.temperature.limit";
    public const string Voltage = "hw.voltage";
    public const string VoltageLimit = "hw.voltage.limit";
    public const string FanSpeed = "hw.fan.speed";
    public const string FanSpeedLimit = "hw.fan.speed.limit";
    public const string FanSpeedRatio = "hw.fan.speed_ratio";
    public const string Power = "hw.power";
    public const string HostPower = "hw.host.power";
    public const string Status = "hw.status";

    public const string AttrId = "hw.id";
    public const string AttrName = "hw.name";
    public const string AttrType = "hw.type";
    public const string AttrState = "hw.state";
    public const string AttrLimitType = "hw.limit_type";
    public const string AttrSensorLocation = "hw.sensor_location";

    /// <summary>The event name of SEL log records.</summary>
    public const string SelEventName = "ipmi.sel.entry";

    /// <summary>Semantic-convention attribute telling backends that records with the same value are duplicates.</summary>
    public const string AttrLogRecordUid = "log.record.uid";

    /// <summary>
    /// The one place a reading's <see cref="SensorKind"/> becomes an OTLP instrument: name, UCUM unit, the
    /// <c>.limit</c> instrument for its thresholds, and how the value scales. <c>null</c> for kinds the hardware
    /// conventions have no instrument for (<see cref="SensorKind.Current"/>, <see cref="SensorKind.Other"/>).
    /// </summary>
    public static HwInstrument? ForKind(SensorKind kind) => kind switch
    {
        SensorKind.Temperature => new(Temperature, "Cel", "Temperature in degrees Celsius", TemperatureLimit, 1, false),
        SensorKind.FanSpeed => new(FanSpeed, "rpm", "Fan speed in revolutions per minute", FanSpeedLimit, 1, false),
        SensorKind.FanRatio => new(FanSpeedRatio, "1", "Fan speed expressed as a fraction of its maximum speed", null, 0.01, false),
        SensorKind.Voltage => new(Voltage, "V", "Voltage measured by the sensor", VoltageLimit, 1, false),
        SensorKind.Power => new(Power, "W", "Instantaneous power consumed by the component", null, 1, true),
        _ => null,
    };

    /// <summary>The kinds that have an instrument, in the order their metrics are written.</summary>
    public static IReadOnlyList<SensorKind> InstrumentKinds { get; } =
        [SensorKind.Temperature, SensorKind.FanSpeed, SensorKind.FanRatio, SensorKind.Voltage, SensorKind.Power];

    /// <summary>The <c>hw.state</c> values used: ok, degraded, failed.</summary>
    public static IReadOnlyList<string> States { get; } = ["ok", "degraded", "failed"];

    /// <summary>A stable component ID within the BMC: the SDR record ID (ipmi_exporter's <c>id</c> label), or the Redfish id.</summary>
    public static string ComponentId(SensorReading sensor) => sensor.SourceId is { } id ? $"sensor_{id}" : $"sensor_{sensor.RecordId}";

    /// <summary>
    /// <c>hw.type</c> for an IPMI sensor type (IPMI v2.0 Table 42-3): the convention's well-known value where
    /// one applies, otherwise the sensor type name in snake case (the conventions allow custom values).
    /// </summary>
    public static string ComponentType(SensorReading sensor) => sensor.SensorTypeCode switch
    {
        0x01 => "temperature",
        0x02 => "voltage",
        0x04 => "fan",
        0x05 or 0x18 => "enclosure",
        0x07 => "cpu",
        0x08 => "power_supply",
        0x0C => "memory",
        0x0D => "physical_disk",
        0x27 => "network",
        0x29 => "battery",
        _ => SnakeCase(sensor.SensorType.Length > 0 ? sensor.SensorType : $"type_{sensor.SensorTypeCode:x2}"),
    };

    /// <summary><c>hw.state</c> for a sensor status; <c>null</c> when the sensor has no state to report.</summary>
    public static string? State(SensorStatus status) => status switch
    {
        SensorStatus.Ok => "ok",
        SensorStatus.Warning => "degraded",
        SensorStatus.Critical or SensorStatus.NonRecoverable => "failed",
        _ => null,
    };

    /// <summary>Thresholds as <c>hw.limit_type</c> values (non-recoverable thresholds have no convention value and are left out).</summary>
    public static IEnumerable<(string LimitType, double Value)> Limits(SensorThresholds t)
    {
        if (t.LowerCritical is { } lc)
        {
            yield return ("low.critical", lc);
        }

        if (t.LowerNonCritical is { } lnc)
        {
            yield return ("low.degraded", lnc);
        }

        if (t.UpperNonCritical is { } unc)
        {
            yield return ("high.degraded", unc);
        }

        if (t.UpperCritical is { } uc)
        {
            yield return ("high.critical", uc);
        }
    }

    private static string SnakeCase(string s)
    {
        var chars = new List<char>(s.Length);
        foreach (var c in s)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                chars.Add(char.ToLowerInvariant(c));
            }
            else if (chars.Count > 0 && chars[^1] != '_')
            {
                chars.Add('_');
            }
        }

        return new string(chars.ToArray()).Trim('_');
    }
}

/// <summary>An OTLP instrument for readings of one <see cref="SensorKind"/>.</summary>
/// <param name="Name">Instrument name (<c>hw.temperature</c>...).</param>
/// <param name="Unit">UCUM unit.</param>
/// <param name="Description">Description sent with the metric.</param>
/// <param name="LimitName">The instrument the sensor's thresholds go to, or <c>null</c>.</param>
/// <param name="Scale">Factor from the reading's unit to the instrument's (0.01 for percent to ratio).</param>
/// <param name="WithType">Whether points carry <c>hw.type</c> (required by <c>hw.power</c>).</param>
public sealed record HwInstrument(string Name, string Unit, string Description, string? LimitName, double Scale, bool WithType);
