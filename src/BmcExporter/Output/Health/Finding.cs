using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Output.Health;

/// <summary>What a finding is about; the fleet page counts targets per kind.</summary>
public enum FindingKind
{
    /// <summary>A power supply sensor or the chassis power fault/overload bits.</summary>
    PowerSupply,

    /// <summary>A drive slot sensor or the chassis drive fault bit.</summary>
    Drive,

    /// <summary>A fan sensor or the chassis cooling fault bit.</summary>
    Fan,

    /// <summary>A physical security sensor or the chassis intrusion bit.</summary>
    Intrusion,

    /// <summary>A critical SEL entry asserted within <see cref="HealthAssessor.SelWindow"/>.</summary>
    CriticalSelEvent,

    /// <summary>Any other sensor outside its normal range or state (temperature, voltage, processor...).</summary>
    Sensor,
}

/// <summary>Wire names and titles of <see cref="FindingKind"/>.</summary>
public static class FindingKindNames
{
    /// <summary>Every kind in display order.</summary>
    public static IReadOnlyList<FindingKind> All { get; } = Enum.GetValues<FindingKind>();

    /// <summary>The wire name (query parameter <c>finding=</c>, JSON).</summary>
    public static string Name(this FindingKind kind) => kind switch
    {
        FindingKind.PowerSupply => "psu",
        FindingKind.Drive => "drive",
        FindingKind.Fan => "fan",
        FindingKind.Intrusion => "intrusion",
        FindingKind.CriticalSelEvent => "sel",
        _ => "sensor",
    };

    /// <summary>A title for people.</summary>
    public static string Title(this FindingKind kind) => kind switch
    {
        FindingKind.PowerSupply => "failed PSU",
        FindingKind.Drive => "drive",
        FindingKind.Fan => "fan",
        FindingKind.Intrusion => "intrusion",
        FindingKind.CriticalSelEvent => "critical SEL events",
        _ => "other sensors",
    };

    /// <summary>Parses a wire name.</summary>
    public static bool TryParse(string text, out FindingKind kind)
    {
        foreach (var k in All)
        {
            if (string.Equals(k.Name(), text, StringComparison.Ordinal))
            {
                kind = k;
                return true;
            }
        }

        kind = default;
        return false;
    }
}

/// <summary>One reason a server is not healthy, derived from a snapshot's readings (never a copy of them).</summary>
/// <param name="Kind">What it is about.</param>
/// <param name="Severity">Warning, critical or non-recoverable (the sensor status scale).</param>
/// <param name="Subject">The sensor or chassis bit, e.g. <c>PSU 2</c>.</param>
/// <param name="Detail">What is wrong, e.g. <c>Failure detected</c> or <c>400 RPM, below lower critical 600</c>.</param>
public sealed record Finding(FindingKind Kind, SensorStatus Severity, string Subject, string Detail);
