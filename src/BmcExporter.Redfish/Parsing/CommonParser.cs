using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Parsing;

/// <summary>Status, enums and identifiers shared by every resource parser. Unknown enum strings read as Unknown.</summary>
internal static class CommonParser
{
    public static RedfishStatus Status(JsonView resource) => resource.Object("Status") is { } s
        ? new RedfishStatus(Health(s.String("Health")), Health(s.String("HealthRollup")), State(s.String("State")))
        : RedfishStatus.None;

    public static RedfishHealth Health(string? text) => text switch
    {
        "OK" => RedfishHealth.OK,
        "Warning" => RedfishHealth.Warning,
        "Critical" => RedfishHealth.Critical,
        _ => RedfishHealth.Unknown,
    };

    public static RedfishState State(string? text) =>
        text is not null && Enum.TryParse<RedfishState>(text, ignoreCase: false, out var state) && state != RedfishState.Unknown && Enum.IsDefined(state)
            ? state
            : RedfishState.Unknown;

    public static RedfishPowerState PowerState(string? text) =>
        text is not null && Enum.TryParse<RedfishPowerState>(text, ignoreCase: false, out var state) && state != RedfishPowerState.Unknown && Enum.IsDefined(state)
            ? state
            : RedfishPowerState.Unknown;

    /// <summary>Chassis <c>PhysicalSecurity.IntrusionSensor</c>; null when absent or not one of the schema's values.</summary>
    public static RedfishIntrusionSensor? Intrusion(JsonView chassis) => chassis.Object("PhysicalSecurity")?.String("IntrusionSensor") switch
    {
        "Normal" => RedfishIntrusionSensor.Normal,
        "HardwareIntrusion" => RedfishIntrusionSensor.HardwareIntrusion,
        "TamperingDetected" => RedfishIntrusionSensor.TamperingDetected,
        _ => null,
    };

    /// <summary>The resource's <c>@odata.id</c>; the request path when the service leaves it out.</summary>
    public static string IdOf(JsonView resource, string fallback) => resource.ODataId ?? fallback;

    /// <summary>Id, else the last segment of the URI.</summary>
    public static string ShortId(JsonView resource, string uri) => resource.String("Id") ?? uri.TrimEnd('/').Split('/')[^1];

    public static string NameOf(JsonView resource, string uri) => resource.String("Name") ?? ShortId(resource, uri);
}
