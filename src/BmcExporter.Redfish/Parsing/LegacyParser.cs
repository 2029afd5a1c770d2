using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Parsing;

/// <summary>
/// The legacy Thermal (v1.x: Temperatures, Fans) and Power (v1.x: Voltages, PowerControl, PowerSupplies)
/// resources. Array members get stable ids: their <c>@odata.id</c>, else <c>uri#/Array/MemberId</c>.
/// </summary>
internal static class LegacyParser
{
    public static IEnumerable<RedfishSensorReading> Thermal(JsonView thermal, string uri, string chassisId)
    {
        foreach (var (t, id) in Members(thermal, uri, "Temperatures"))
        {
            yield return Reading(t, id, chassisId, RedfishSensorKind.Temperature, t.Number("ReadingCelsius"), "Cel", RedfishReadingSource.Thermal);
        }

        foreach (var (f, id) in Members(thermal, uri, "Fans"))
        {
            // Thermal v1.0 used FanName; v1.1+ Name. ReadingUnits is RPM or Percent.
            var units = f.String("ReadingUnits") switch
            {
                "Percent" => "%",
                null => "RPM",
                var u => u,
            };
            yield return Reading(f, id, chassisId, RedfishSensorKind.Fan, f.Number("Reading"), units, RedfishReadingSource.Thermal, f.String("FanName"));
        }
    }

    public static IEnumerable<RedfishSensorReading> Power(JsonView power, string uri, string chassisId)
    {
        foreach (var (v, id) in Members(power, uri, "Voltages"))
        {
            yield return Reading(v, id, chassisId, RedfishSensorKind.Voltage, v.Number("ReadingVolts"), "V", RedfishReadingSource.Power);
        }

        foreach (var (p, id) in Members(power, uri, "PowerControl"))
        {
            yield return Reading(p, id, chassisId, RedfishSensorKind.Power, p.Number("PowerConsumedWatts"), "W", RedfishReadingSource.Power);
        }

        foreach (var (s, id) in Members(power, uri, "PowerSupplies"))
        {
            var name = CommonParser.NameOf(s, id);
            var status = CommonParser.Status(s);
            if (s.Number("PowerInputWatts") is { } input)
            {
                yield return Plain(id + "/PowerInputWatts", name + " Input Power", RedfishSensorKind.Power, input, "W", status, chassisId);
            }

            if (s.Number("LastPowerOutputWatts") is { } output)
            {
                yield return Plain(id + "/LastPowerOutputWatts", name + " Output Power", RedfishSensorKind.Power, output, "W", status, chassisId);
            }

            if (s.Number("LineInputVoltage") is { } line)
            {
                yield return Plain(id + "/LineInputVoltage", name + " Line Input Voltage", RedfishSensorKind.Voltage, line, "V", status, chassisId);
            }
        }
    }

    /// <summary>Power.PowerSupplies as component health.</summary>
    public static IEnumerable<RedfishComponentHealth> PowerSupplies(JsonView power, string uri) =>
        Members(power, uri, "PowerSupplies").Select(m => new RedfishComponentHealth(m.Id, CommonParser.NameOf(m.View, m.Id), RedfishComponentKind.PowerSupply, CommonParser.Status(m.View)));

    /// <summary>Thermal.Fans as component health.</summary>
    public static IEnumerable<RedfishComponentHealth> Fans(JsonView thermal, string uri) =>
        Members(thermal, uri, "Fans").Select(m => new RedfishComponentHealth(m.Id, m.View.String("Name") ?? m.View.String("FanName") ?? m.Id, RedfishComponentKind.Fan, CommonParser.Status(m.View)));

    private static IEnumerable<(JsonView View, string Id)> Members(JsonView resource, string uri, string array)
    {
        var items = resource.Objects(array);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            yield return (item, item.ODataId ?? $"{uri}#/{array}/{item.String("MemberId") ?? i.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static RedfishSensorReading Reading(JsonView m, string id, string chassisId, RedfishSensorKind kind, double? value, string unit, RedfishReadingSource source, string? fallbackName = null) =>
        new(id, m.String("Name") ?? fallbackName ?? id, kind, value, unit,
            new RedfishThresholds(m.Number("LowerThresholdNonCritical"), m.Number("LowerThresholdCritical"), m.Number("LowerThresholdFatal"),
                m.Number("UpperThresholdNonCritical"), m.Number("UpperThresholdCritical"), m.Number("UpperThresholdFatal")),
            CommonParser.Status(m), m.String("PhysicalContext"), chassisId, source);

    private static RedfishSensorReading Plain(string id, string name, RedfishSensorKind kind, double value, string unit, RedfishStatus status, string chassisId) =>
        new(id, name, kind, value, unit, RedfishThresholds.None, status, "PowerSupply", chassisId, RedfishReadingSource.Power);
}
