using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Parsing;

/// <summary>A Sensor resource (Sensor schema v1.x, DSP0268): Reading, ReadingType, ReadingUnits, Thresholds, Status.</summary>
internal static class SensorParser
{
    public static RedfishSensorReading Parse(JsonView sensor, string uri, string chassisId)
    {
        var units = sensor.String("ReadingUnits");
        var context = sensor.String("PhysicalContext");
        var kind = Kind(sensor.String("ReadingType"), units, sensor.Has("SpeedRPM") || context == "Fan");
        var thresholds = sensor.Object("Thresholds") is { } t
            ? new RedfishThresholds(Threshold(t, "LowerCaution"), Threshold(t, "LowerCritical"), Threshold(t, "LowerFatal"),
                Threshold(t, "UpperCaution"), Threshold(t, "UpperCritical"), Threshold(t, "UpperFatal"))
            : RedfishThresholds.None;
        return new RedfishSensorReading(
            CommonParser.IdOf(sensor, uri),
            CommonParser.NameOf(sensor, uri),
            kind,
            sensor.Number("Reading"),
            units,
            thresholds,
            CommonParser.Status(sensor),
            context,
            chassisId,
            RedfishReadingSource.Sensors)
        {
            SpeedRpm = sensor.Number("SpeedRPM"),
        };
    }

    private static double? Threshold(JsonView thresholds, string name) => thresholds.Object(name)?.Number("Reading");

    /// <summary>ReadingType first; services that leave it out are classified by their UCUM units.</summary>
    public static RedfishSensorKind Kind(string? readingType, string? units, bool hasSpeedRpm) => readingType switch
    {
        "Temperature" => RedfishSensorKind.Temperature,
        "Rotational" => RedfishSensorKind.Fan,
        "Percent" when hasSpeedRpm => RedfishSensorKind.Fan,
        "Percent" => RedfishSensorKind.Percent,
        "Voltage" => RedfishSensorKind.Voltage,
        "Current" => RedfishSensorKind.Current,
        "Power" => RedfishSensorKind.Power,
        "EnergykWh" or "EnergyJoules" or "EnergyWh" => RedfishSensorKind.Energy,
        "Frequency" => RedfishSensorKind.Frequency,
        "Humidity" or "AbsoluteHumidity" => RedfishSensorKind.Humidity,
        "AirFlow" or "AirFlowCMM" => RedfishSensorKind.AirFlow,
        "Pressure" or "PressurePa" or "PressurekPa" or "Barometric" => RedfishSensorKind.Pressure,
        null => KindFromUnits(units, hasSpeedRpm),
        _ => RedfishSensorKind.Other,
    };

    private static RedfishSensorKind KindFromUnits(string? units, bool hasSpeedRpm) => units switch
    {
        "Cel" => RedfishSensorKind.Temperature,
        "RPM" or "{rev}/min" => RedfishSensorKind.Fan,
        "%" when hasSpeedRpm => RedfishSensorKind.Fan,
        "%" => RedfishSensorKind.Percent,
        "V" => RedfishSensorKind.Voltage,
        "A" => RedfishSensorKind.Current,
        "W" => RedfishSensorKind.Power,
        "kW.h" or "J" or "W.h" => RedfishSensorKind.Energy,
        "Hz" => RedfishSensorKind.Frequency,
        _ => RedfishSensorKind.Other,
    };
}
