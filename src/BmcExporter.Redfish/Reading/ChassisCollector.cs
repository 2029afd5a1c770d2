using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Parsing;

namespace BmcExporter.Redfish.Reading;

/// <summary>
/// Readings and PSU/fan health of one chassis, each value from one source only (docs/redfish.md, "never counted
/// twice"): readings from the Sensors collection when it has members, else from the legacy Thermal and Power
/// resources; PSU and fan health from PowerSubsystem/ThermalSubsystem when offered, else from Power/Thermal.
/// </summary>
internal sealed class ChassisCollector(RedfishSession session, CollectionReader collections)
{
    public async Task CollectAsync(Member chassis, ReadingsBuilder into, CancellationToken cancellationToken)
    {
        var c = chassis.View;
        var chassisId = CommonParser.ShortId(c, chassis.Uri);
        var fromSensors = false;
        var sensorReadings = new List<RedfishSensorReading>();
        if (c.Link("Sensors") is { } sensors)
        {
            var members = await collections.MembersAsync(sensors, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false);
            sensorReadings.AddRange(members.Select(m => SensorParser.Parse(m.View, m.Uri, chassisId)));
            fromSensors = members.Count > 0; // some services publish an empty Sensors collection beside Thermal/Power
        }

        JsonView? thermal = null, power = null;
        if (!fromSensors)
        {
            thermal = await OptionalAsync(c.Link("Thermal"), cancellationToken).ConfigureAwait(false);
            power = await OptionalAsync(c.Link("Power"), cancellationToken).ConfigureAwait(false);
            if (thermal is { } t)
            {
                into.Sensors.AddRange(LegacyParser.Thermal(t, c.Link("Thermal")!, chassisId));
            }

            if (power is { } p)
            {
                into.Sensors.AddRange(LegacyParser.Power(p, c.Link("Power")!, chassisId));
            }
        }

        power = await PowerSuppliesAsync(c, power, into, cancellationToken).ConfigureAwait(false);
        into.Chassis.Add(new RedfishChassisState(chassis.Uri, CommonParser.NameOf(c, chassis.Uri), CommonParser.PowerState(c.String("PowerState")), CommonParser.Status(c))
        {
            Intrusion = CommonParser.Intrusion(c),
            HoldsSystem = c.Object("Links")?.Objects("ComputerSystems").Count > 0,
            PowerUri = c.Link("Power"),
            EnvironmentMetricsUri = c.Link("EnvironmentMetrics"),
            PowerRead = power is not null,
            LegacyPower = power is { } read ? PowerParser.SystemPowerControl(read, c.Link("Power")!, chassis.Uri) : null,
        });

        var fanSources = await FansAsync(c, thermal, into, cancellationToken).ConfigureAwait(false);

        // A percent sensor that a Fan names as its SpeedPercent data source is a fan speed (ThermalSubsystem v1.0).
        into.Sensors.AddRange(sensorReadings.Select(r => r.Kind == RedfishSensorKind.Percent && fanSources.Contains(r.Id) ? r with { Kind = RedfishSensorKind.Fan } : r));
    }

    /// <summary>PSU health; returns the legacy Power resource when it was read (here or before), else null.</summary>
    private async Task<JsonView?> PowerSuppliesAsync(JsonView chassis, JsonView? legacy, ReadingsBuilder into, CancellationToken cancellationToken)
    {
        if (chassis.Link("PowerSubsystem") is { } sub)
        {
            var subsystem = await session.GetAsync(sub, CachePolicy.Static, cancellationToken).ConfigureAwait(false);
            if (subsystem.Link("PowerSupplies") is { } psus)
            {
                foreach (var m in await collections.MembersAsync(psus, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false))
                {
                    into.Components.Add(new RedfishComponentHealth(m.Uri, CommonParser.NameOf(m.View, m.Uri), RedfishComponentKind.PowerSupply, CommonParser.Status(m.View)));
                }

                return legacy;
            }
        }

        var power = legacy ?? await OptionalAsync(chassis.Link("Power"), cancellationToken).ConfigureAwait(false);
        if (power is { } p)
        {
            into.Components.AddRange(LegacyParser.PowerSupplies(p, chassis.Link("Power")!));
        }

        return power;
    }

    private async Task<HashSet<string>> FansAsync(JsonView chassis, JsonView? legacy, ReadingsBuilder into, CancellationToken cancellationToken)
    {
        var sources = new HashSet<string>(StringComparer.Ordinal);
        if (chassis.Link("ThermalSubsystem") is { } sub)
        {
            var subsystem = await session.GetAsync(sub, CachePolicy.Static, cancellationToken).ConfigureAwait(false);
            if (subsystem.Link("Fans") is { } fans)
            {
                foreach (var m in await collections.MembersAsync(fans, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false))
                {
                    into.Components.Add(new RedfishComponentHealth(m.Uri, CommonParser.NameOf(m.View, m.Uri), RedfishComponentKind.Fan, CommonParser.Status(m.View)));
                    if (m.View.Object("SpeedPercent")?.String("DataSourceUri") is { } source)
                    {
                        sources.Add(source);
                    }
                }

                return sources;
            }
        }

        var thermal = legacy ?? await OptionalAsync(chassis.Link("Thermal"), cancellationToken).ConfigureAwait(false);
        if (thermal is { } t)
        {
            into.Components.AddRange(LegacyParser.Fans(t, chassis.Link("Thermal")!));
        }

        return sources;
    }

    private async Task<JsonView?> OptionalAsync(string? link, CancellationToken cancellationToken) =>
        link is null ? null : await session.TryGetAsync(link, CachePolicy.Reading, cancellationToken).ConfigureAwait(false);
}
