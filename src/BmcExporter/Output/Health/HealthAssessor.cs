using System.Globalization;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Health;

/// <summary>
/// Judges a server from its latest snapshot: every sensor whose status is warning or worse, the chassis fault bits
/// (IPMI v2.0 §28.2) and critical SEL entries asserted recently become findings; the worst finding is the health.
/// A snapshot without data (failed, timeout, circuit open) is <see cref="TargetHealth.Unreachable"/>.
/// </summary>
public static class HealthAssessor
{
    /// <summary>How long a critical SEL entry counts as a finding after it was logged (or first seen, without a timestamp).</summary>
    public static readonly TimeSpan SelWindow = TimeSpan.FromHours(24);

    // Sensor type codes, IPMI v2.0 Table 42-3.
    private const byte FanType = 0x04;
    private const byte PhysicalSecurityType = 0x05;
    private const byte PowerSupplyType = 0x08;
    private const byte PowerUnitType = 0x09;
    private const byte DriveSlotType = 0x0D;

    /// <summary>The health and findings of <paramref name="snapshot"/> (null: not scraped yet).</summary>
    public static (TargetHealth Health, IReadOnlyList<Finding> Findings) Assess(TargetSnapshot? snapshot, IEnumerable<SeenSelEvent> recentSel, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(recentSel);
        if (snapshot is null)
        {
            return (TargetHealth.NotScraped, []);
        }

        if (snapshot.Outcome is ScrapeOutcome.Failed or ScrapeOutcome.Timeout or ScrapeOutcome.CircuitOpen)
        {
            return (TargetHealth.Unreachable, []);
        }

        var findings = new List<Finding>();
        foreach (var reading in snapshot.Sensors)
        {
            if (reading.Status is SensorStatus.Warning or SensorStatus.Critical or SensorStatus.NonRecoverable)
            {
                findings.Add(new Finding(KindOf(reading.SensorTypeCode), reading.Status, reading.Name, Describe(reading)));
            }
        }

        if (snapshot.Chassis is { } chassis)
        {
            AddIf(findings, chassis.PowerFault, FindingKind.PowerSupply, SensorStatus.Critical, "power fault");
            AddIf(findings, chassis.PowerOverload, FindingKind.PowerSupply, SensorStatus.Warning, "power overload");
            AddIf(findings, chassis.DriveFault, FindingKind.Drive, SensorStatus.Critical, "drive fault");
            AddIf(findings, chassis.CoolingFault, FindingKind.Fan, SensorStatus.Critical, "cooling/fan fault");
            AddIf(findings, chassis.Intrusion == true, FindingKind.Intrusion, SensorStatus.Critical, "chassis intrusion active");
        }

        foreach (var seen in recentSel)
        {
            var e = seen.Event;
            if (e.Severity == SelSeverity.Critical && e.Asserted && now - (e.Timestamp ?? seen.Seen) <= SelWindow)
            {
                var when = (e.Timestamp ?? seen.Seen).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
                findings.Add(new Finding(FindingKind.CriticalSelEvent, SensorStatus.Critical, $"SEL #{e.RecordId} {e.SensorTypeName} #{e.SensorNumber}", $"{e.Description} at {when} UTC"));
            }
        }

        var health = TargetHealth.Ok;
        foreach (var f in findings)
        {
            if (f.Severity is SensorStatus.Critical or SensorStatus.NonRecoverable)
            {
                health = TargetHealth.Critical;
                break;
            }

            health = TargetHealth.Warning;
        }

        return (health, findings);
    }

    /// <summary>The finding kind of a sensor type.</summary>
    public static FindingKind KindOf(byte sensorType) => sensorType switch
    {
        PowerSupplyType or PowerUnitType => FindingKind.PowerSupply,
        DriveSlotType => FindingKind.Drive,
        FanType => FindingKind.Fan,
        PhysicalSecurityType => FindingKind.Intrusion,
        _ => FindingKind.Sensor,
    };

    /// <summary>Why a reading is a finding: the value and the threshold it crossed, or the asserted states.</summary>
    public static string Describe(SensorReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (!reading.IsThresholdBased || reading.Value is not { } value)
        {
            return reading.StateNames.Count > 0 ? string.Join(", ", reading.StateNames) : reading.Status.ToWireName();
        }

        var text = $"{Number(value)} {reading.Unit}";
        return Crossed(reading) is { } crossed ? $"{text}, {crossed}" : text;
    }

    /// <summary>The most severe threshold <paramref name="reading"/> is beyond, e.g. <c>below lower critical 600</c>, or null.</summary>
    public static string? Crossed(SensorReading reading)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (reading.Value is not { } v)
        {
            return null;
        }

        var t = reading.Thresholds;
        return Beyond(v, t.UpperNonRecoverable, upper: true, "upper non-recoverable")
            ?? Beyond(v, t.LowerNonRecoverable, upper: false, "lower non-recoverable")
            ?? Beyond(v, t.UpperCritical, upper: true, "upper critical")
            ?? Beyond(v, t.LowerCritical, upper: false, "lower critical")
            ?? Beyond(v, t.UpperNonCritical, upper: true, "upper non-critical")
            ?? Beyond(v, t.LowerNonCritical, upper: false, "lower non-critical");
    }

    /// <summary>A number as the page prints it (up to three decimals, invariant culture).</summary>
    public static string Number(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);

    private static string? Beyond(double value, double? threshold, bool upper, string name) =>
        threshold is not { } t ? null
        : upper && value >= t ? $"at or above {name} {Number(t)}"
        : !upper && value <= t ? $"at or below {name} {Number(t)}"
        : null;

    private static void AddIf(List<Finding> findings, bool condition, FindingKind kind, SensorStatus severity, string detail)
    {
        if (condition)
        {
            findings.Add(new Finding(kind, severity, "chassis", detail));
        }
    }
}

/// <summary>A SEL entry with when the exporter first saw it (entries without a timestamp are dated by it).</summary>
/// <param name="Event">The entry as the SEL collector read it.</param>
/// <param name="Seen">When the scrape that first reported it started.</param>
public sealed record SeenSelEvent(SelEvent Event, DateTimeOffset Seen);
