using System.Globalization;
using System.Text.Json.Nodes;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// Chassis "1": identity from the FRU chassis/product areas, and the sensors as the schema option says: legacy
/// Thermal/Power, Sensors with ThermalSubsystem/PowerSubsystem, or both (same values in each).
/// </summary>
internal static class ChassisView
{
    public const string Path = ProfileResources.Root + "/Chassis/1";

    public static JsonObject? Get(string[] s, Lazy<BmcSnapshot> snap, RedfishServerOptions options)
    {
        var legacy = options.Schema != RedfishSchema.Modern;
        var modern = options.Schema != RedfishSchema.Legacy;
        return s switch
        {
            [] => Json.Collection(ProfileResources.Root + "/Chassis", "#ChassisCollection.ChassisCollection", "Chassis Collection", [Path]),
            ["1"] => Chassis(snap.Value, legacy, modern),
            ["1", "Thermal"] when legacy => Thermal(snap.Value),
            ["1", "Power"] when legacy => Power(snap.Value, options.PowerDomains),
            ["1", "EnvironmentMetrics"] when modern => EnvironmentMetrics(snap.Value),
            ["1", "Sensors"] when modern => Json.Collection(Path + "/Sensors", "#SensorCollection.SensorCollection", "Sensors", snap.Value.Sensors.Select(x => $"{Path}/Sensors/{x.Id}")),
            ["1", "Sensors", var id] when modern => snap.Value.Sensors.FirstOrDefault(x => x.Id == id) is { } sensor ? Sensor(snap.Value, sensor) : null,
            ["1", "ThermalSubsystem"] when modern => Subsystem("ThermalSubsystem", "#ThermalSubsystem.v1_3_0.ThermalSubsystem", "Fans", snap.Value.Worst(Fans(snap.Value).Select(f => snap.Value.ValueOf(f).Health))),
            ["1", "ThermalSubsystem", "Fans"] when modern => Json.Collection(Path + "/ThermalSubsystem/Fans", "#FanCollection.FanCollection", "Fans", Fans(snap.Value).Select(f => $"{Path}/ThermalSubsystem/Fans/{f.Id}")),
            ["1", "ThermalSubsystem", "Fans", var id] when modern => Fans(snap.Value).FirstOrDefault(f => f.Id == id) is { } fan ? Fan(snap.Value, fan) : null,
            ["1", "PowerSubsystem"] when modern => Subsystem("PowerSubsystem", "#PowerSubsystem.v1_1_0.PowerSubsystem", "PowerSupplies", snap.Value.Worst(snap.Value.PartsHealth(ProfileModel.PowerSupplyType))),
            ["1", "PowerSubsystem", "PowerSupplies"] when modern => Json.Collection(Path + "/PowerSubsystem/PowerSupplies", "#PowerSupplyCollection.PowerSupplyCollection", "Power Supplies",
                snap.Value.PartsOf(ProfileModel.PowerSupplyType).Select(p => $"{Path}/PowerSubsystem/PowerSupplies/{p.Id}")),
            ["1", "PowerSubsystem", "PowerSupplies", var id] when modern => snap.Value.PartsOf(ProfileModel.PowerSupplyType).FirstOrDefault(p => p.Id == id) is { } psu ? PowerSupply(snap.Value, psu) : null,
            _ => null,
        };
    }

    private static IEnumerable<SimSensor> Fans(BmcSnapshot snap) => snap.Sensors.Where(x => x.Kind == SimSensorKind.Rotational);

    private static JsonObject Chassis(BmcSnapshot snap, bool legacy, bool modern)
    {
        var f = snap.Model.Profile.Fru;
        string X(string t) => Profiles.FruDefinition.Expand(t, snap.Bmc);
        var c = Json.Resource(Path, "#Chassis.v1_21_0.Chassis", "1", "Chassis");
        c["ChassisType"] = "RackMount";
        c["Manufacturer"] = X(f.ProductManufacturer);
        c["Model"] = X(f.ProductName);
        c["SerialNumber"] = X(f.ChassisSerial);
        c["PartNumber"] = X(f.ChassisPartNumber);
        c["AssetTag"] = X(f.ProductAssetTag);
        c["PowerState"] = snap.Model.Profile.Chassis.PowerOn ? "On" : "Off";
        c["Status"] = Json.Status(snap.ChassisHealth, rollup: snap.ChassisHealth);

        // Chassis v1.21 PhysicalSecurity: the same intrusion bit Get Chassis Status answers (IPMI v2.0 §28.2).
        c["PhysicalSecurity"] = new JsonObject
        {
            ["IntrusionSensor"] = snap.Model.Profile.Chassis.Intrusion ? "HardwareIntrusion" : "Normal",
            ["IntrusionSensorReArm"] = "Manual",
        };
        if (legacy)
        {
            c["Thermal"] = Json.Link(Path + "/Thermal");
            c["Power"] = Json.Link(Path + "/Power");
        }

        if (modern)
        {
            c["Sensors"] = Json.Link(Path + "/Sensors");
            c["ThermalSubsystem"] = Json.Link(Path + "/ThermalSubsystem");
            c["PowerSubsystem"] = Json.Link(Path + "/PowerSubsystem");
            c["EnvironmentMetrics"] = Json.Link(Path + "/EnvironmentMetrics");
        }

        c["Links"] = new JsonObject
        {
            ["ComputerSystems"] = Json.Links([SystemView.Path]),
            ["ManagedBy"] = Json.Links([ManagerView.Path]),
        };
        return c;
    }

    /// <summary>Sensor v1.x: Reading, ReadingType, ReadingUnits, Thresholds (IPMI NC/CR/NR = Caution/Critical/Fatal).</summary>
    private static JsonObject Sensor(BmcSnapshot snap, SimSensor sensor)
    {
        var v = snap.ValueOf(sensor);
        var s = Json.Resource($"{Path}/Sensors/{sensor.Id}", "#Sensor.v1_7_0.Sensor", sensor.Id, sensor.Name);
        s["ReadingType"] = sensor.ReadingType;
        s["ReadingUnits"] = sensor.Unit;
        s["Reading"] = Json.Number(v.Reading);
        s["Status"] = Json.Status(v.Reading is null ? null : v.Health, v.State);
        var t = sensor.Thresholds;
        var thresholds = new JsonObject();
        void Add(string name, double? value)
        {
            if (value is { } x)
            {
                thresholds[name] = new JsonObject { ["Reading"] = x };
            }
        }

        Add("LowerCaution", t.LowerCaution);
        Add("LowerCritical", t.LowerCritical);
        Add("LowerFatal", t.LowerFatal);
        Add("UpperCaution", t.UpperCaution);
        Add("UpperCritical", t.UpperCritical);
        Add("UpperFatal", t.UpperFatal);
        s["Thresholds"] = thresholds;
        return s;
    }

    private static JsonObject Subsystem(string name, string type, string collection, SimHealth health)
    {
        var s = Json.Resource($"{Path}/{name}", type, name, name);
        s[collection] = Json.Link($"{Path}/{name}/{collection}");
        s["Status"] = Json.Status(health, rollup: health);
        return s;
    }

    private static JsonObject Fan(BmcSnapshot snap, SimSensor sensor)
    {
        var v = snap.ValueOf(sensor);
        var f = Json.Resource($"{Path}/ThermalSubsystem/Fans/{sensor.Id}", "#Fan.v1_5_0.Fan", sensor.Id, sensor.Name);
        f["Status"] = Json.Status(v.Reading is null ? null : v.Health, v.State);
        f["SpeedPercent"] = new JsonObject { ["DataSourceUri"] = $"{Path}/Sensors/{sensor.Id}" };
        return f;
    }

    private static JsonObject PowerSupply(BmcSnapshot snap, SimPart psu)
    {
        var p = Json.Resource($"{Path}/PowerSubsystem/PowerSupplies/{psu.Id}", "#PowerSupply.v1_5_0.PowerSupply", psu.Id, psu.Name);
        p["Status"] = Json.Status(snap.HealthOf(psu));
        return p;
    }

    /// <summary>Thermal v1.7: temperatures (Cel) and fans (RPM) with the legacy threshold names.</summary>
    private static JsonObject Thermal(BmcSnapshot snap)
    {
        var t = Json.Resource(Path + "/Thermal", "#Thermal.v1_7_0.Thermal", "Thermal", "Thermal");
        t["Temperatures"] = Members(snap, Path + "/Thermal", "Temperatures", SimSensorKind.Temperature, "ReadingCelsius");
        t["Fans"] = Members(snap, Path + "/Thermal", "Fans", SimSensorKind.Rotational, "Reading", units: "RPM");
        return t;
    }

    /// <summary>
    /// Power v1.7: voltages, power readings as PowerControl, and the PSUs' health. With DCMI in the profile, PowerControl
    /// starts with the system's power control: PowerConsumedWatts and PowerMetrics (Min/Max/AverageConsumedWatts over
    /// IntervalInMin) are the numbers DCMI Get Power Reading answers at the same instant (<see cref="Behaviour.PowerModel"/>).
    /// With <paramref name="domains"/> of 2 or more, that member is replaced by one member per power domain, without a
    /// PhysicalContext, whose figures add up to the system's (<see cref="DomainControls"/>). The watt sensors follow, each
    /// with PhysicalContext PowerSupply or Chassis as the SDR entity says.
    /// </summary>
    private static JsonObject Power(BmcSnapshot snap, int domains)
    {
        var p = Json.Resource(Path + "/Power", "#Power.v1_7_0.Power", "Power", "Power");
        p["Voltages"] = Members(snap, Path + "/Power", "Voltages", SimSensorKind.Voltage, "ReadingVolts");
        List<JsonObject> system = snap.Power is not { } power ? []
            : domains >= 2 ? DomainControls(power, domains)
            : [SystemPowerControl(power)];
        var control = Members(snap, Path + "/Power", "PowerControl", SimSensorKind.Power, "PowerConsumedWatts", thresholds: false, first: system.Count);
        for (var i = 0; i < system.Count; i++)
        {
            control.Insert(i, system[i]);
        }

        p["PowerControl"] = control;
        var supplies = new JsonArray();
        var n = 0;
        foreach (var psu in snap.PartsOf(ProfileModel.PowerSupplyType))
        {
            var id = (n++).ToString(CultureInfo.InvariantCulture);
            supplies.Add(new JsonObject
            {
                ["@odata.id"] = $"{Path}/Power#/PowerSupplies/{id}",
                ["MemberId"] = id,
                ["Name"] = psu.Name,
                ["Status"] = Json.Status(snap.HealthOf(psu)),
            });
        }

        p["PowerSupplies"] = supplies;
        return p;
    }

    /// <summary>The system's PowerControl member: the DCMI figures, PhysicalContext Chassis.</summary>
    private static JsonObject SystemPowerControl(Behaviour.PowerStatistics power) =>
        Control("0", "System Power Control", "Chassis", power.Current, power.Minimum, power.Maximum, power.Average, power.Period, [SystemView.Path, Path]);

    /// <summary>
    /// The system power split over <paramref name="domains"/> members (a service with one PowerControl per power domain
    /// and none for the whole): each figure is divided into whole watts that add up exactly to the DCMI figure, the
    /// remainder going to the first domains. Each member keeps its own PowerMetrics over the same interval.
    /// </summary>
    private static List<JsonObject> DomainControls(Behaviour.PowerStatistics power, int domains)
    {
        static int Part(int total, int k, int n) => (total / n) + (k < total % n ? 1 : 0);
        var members = new List<JsonObject>(domains);
        for (var k = 0; k < domains; k++)
        {
            members.Add(Control(
                k.ToString(CultureInfo.InvariantCulture),
                $"Power Domain {k + 1}",
                null,
                Part(power.Current, k, domains),
                Part(power.Minimum, k, domains),
                Part(power.Maximum, k, domains),
                Part(power.Average, k, domains),
                power.Period,
                []));
        }

        return members;
    }

    private static JsonObject Control(string id, string name, string? context, double current, double min, double max, double average, TimeSpan period, string[] related)
    {
        var o = new JsonObject
        {
            ["@odata.id"] = $"{Path}/Power#/PowerControl/{id}",
            ["MemberId"] = id,
            ["Name"] = name,
        };
        if (context is not null)
        {
            o["PhysicalContext"] = context;
        }

        o["PowerConsumedWatts"] = current;
        o["PowerMetrics"] = new JsonObject
        {
            ["IntervalInMin"] = (int)period.TotalMinutes,
            ["MinConsumedWatts"] = min,
            ["MaxConsumedWatts"] = max,
            ["AverageConsumedWatts"] = average,
        };
        if (related.Length > 0)
        {
            o["RelatedItem"] = Json.Links(related);
        }

        o["Status"] = Json.Status(SimHealth.OK);
        return o;
    }

    /// <summary>
    /// EnvironmentMetrics v1.3 (Chassis v1.15+ link): PowerWatts is the system power DCMI reports (the newer model has
    /// no min/max/average), or absent without DCMI in the profile.
    /// </summary>
    private static JsonObject EnvironmentMetrics(BmcSnapshot snap)
    {
        var e = Json.Resource(Path + "/EnvironmentMetrics", "#EnvironmentMetrics.v1_3_0.EnvironmentMetrics", "EnvironmentMetrics", "Chassis Environment Metrics");
        if (snap.Power is { } power)
        {
            e["PowerWatts"] = new JsonObject { ["Reading"] = (double)power.Current };
        }

        return e;
    }

    private static JsonArray Members(BmcSnapshot snap, string path, string array, SimSensorKind kind, string property, string? units = null, bool thresholds = true, int first = 0)
    {
        var items = new JsonArray();
        var i = first;
        foreach (var sensor in snap.Sensors.Where(x => x.Kind == kind))
        {
            var v = snap.ValueOf(sensor);
            var id = (i++).ToString(CultureInfo.InvariantCulture);
            var o = new JsonObject
            {
                ["@odata.id"] = $"{path}#/{array}/{id}",
                ["MemberId"] = id,
                ["Name"] = sensor.Name,
                [property] = Json.Number(v.Reading),
                ["Status"] = Json.Status(v.Reading is null ? null : v.Health, v.State),
            };
            if (units is not null)
            {
                o["ReadingUnits"] = units;
            }

            if (kind == SimSensorKind.Power)
            {
                // A watt sensor measures a part, never the whole system: its PhysicalContext says which (from the SDR entity).
                o["PhysicalContext"] = PhysicalContext(sensor.Definition.EntityId);
            }

            if (thresholds)
            {
                var t = sensor.Thresholds;
                o["LowerThresholdNonCritical"] = Json.Number(t.LowerCaution);
                o["LowerThresholdCritical"] = Json.Number(t.LowerCritical);
                o["LowerThresholdFatal"] = Json.Number(t.LowerFatal);
                o["UpperThresholdNonCritical"] = Json.Number(t.UpperCaution);
                o["UpperThresholdCritical"] = Json.Number(t.UpperCritical);
                o["UpperThresholdFatal"] = Json.Number(t.UpperFatal);
            }

            items.Add(o);
        }

        return items;
    }

    /// <summary>The Redfish PhysicalContext of an IPMI entity ID (IPMI v2.0 Table 43-13) that a watt sensor measures.</summary>
    private static string PhysicalContext(byte entity) => entity switch
    {
        0x03 => "CPU",
        0x0A => "PowerSupply",
        0x0B => "Accelerator",
        0x13 => "PowerSubsystem",
        0x20 => "Memory",
        _ => "SystemBoard",
    };
}
