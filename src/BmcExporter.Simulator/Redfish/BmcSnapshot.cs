using BmcExporter.Simulator.Behaviour;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Redfish;

/// <summary>Health as Redfish names it.</summary>
internal enum SimHealth
{
    OK,
    Warning,
    Critical,
}

/// <summary>One sensor's value and status at the time of a request (the same numbers Get Sensor Reading returns).</summary>
internal readonly record struct SensorValue(double? Reading, SimHealth Health, string State);

/// <summary>
/// What one BMC shows at one instant: every sensor value and part health, computed with the IPMI view's
/// formulas (SensorModel, the SDR conversion and its raw rounding) so the two protocols agree.
/// </summary>
internal sealed class BmcSnapshot
{
    public BmcSnapshot(FleetContext fleet, ProfileModel model, int bmc)
    {
        Fleet = fleet;
        Model = model;
        Bmc = bmc;
        Elapsed = fleet.Elapsed;
        var load = SensorModel.Load(model.Profile.Load, fleet.Seed, bmc, Elapsed);
        var changed = fleet.SdrChanged(Elapsed);
        Sensors = [.. model.Sensors.Where(s => changed || !s.Definition.AfterSdrChange)];
        Parts = [.. model.Parts.Where(p => changed || !p.Definition.AfterSdrChange)];
        _values = Sensors.ToDictionary(s => s, s => Value(s, load));
        _health = Parts.ToDictionary(p => p, Health);
        Power = model.Profile.Dcmi is { } dcmi ? PowerModel.Read(dcmi, model.Profile.Load, fleet.Seed, bmc, Elapsed) : null;
    }

    private readonly Dictionary<SimSensor, SensorValue> _values;
    private readonly Dictionary<SimPart, SimHealth> _health;

    /// <summary>The sensors in the repository now (those added by the SDR change appear only after it, as over IPMI).</summary>
    public IReadOnlyList<SimSensor> Sensors { get; }

    public IReadOnlyList<SimPart> Parts { get; }

    public IEnumerable<SimPart> PartsOf(byte sensorType) => Parts.Where(p => p.SensorType == sensorType);

    public FleetContext Fleet { get; }

    public ProfileModel Model { get; }

    public int Bmc { get; }

    /// <summary>System power as DCMI Get Power Reading answers it now; null when the profile has no DCMI.</summary>
    public PowerStatistics? Power { get; }

    public TimeSpan Elapsed { get; }

    public SimHealth Worst(IEnumerable<SimHealth> healths) => healths.DefaultIfEmpty(SimHealth.OK).Max();

    public SimHealth ChassisHealth => Worst(_values.Values.Select(v => v.Health).Concat(PartsHealth(ProfileModel.PowerSupplyType)));

    public IEnumerable<SimHealth> PartsHealth(byte sensorType) => PartsOf(sensorType).Select(p => _health[p]);

    public SimHealth HealthOf(SimPart part) => _health[part];

    public SensorValue ValueOf(SimSensor sensor) => _values[sensor];

    private SensorValue Value(SimSensor s, double load)
    {
        var d = s.Definition;
        switch (d.Mode)
        {
            case ReadingMode.Unavailable:
                return new SensorValue(null, SimHealth.OK, "UnavailableOffline");
            case ReadingMode.ScanningDisabled:
                return new SensorValue(null, SimHealth.OK, "Disabled");
        }

        var value = SensorModel.AnalogValue(d, s.ShareIndex, Fleet.Seed, Bmc, Elapsed, load);
        var shown = ProfileModel.Round(d.Conversion.ToValue(d.Conversion.ToRaw(value, d.AnalogFormat), d.AnalogFormat));
        var t = s.Thresholds;

        // IPMI v2.0 §35.14: a threshold is crossed at-or-below (lower) / at-or-above (upper); NR and CR are critical.
        var health = SimHealth.OK;
        if (shown <= t.LowerCaution || shown >= t.UpperCaution)
        {
            health = SimHealth.Warning;
        }

        if (shown <= t.LowerCritical || shown >= t.UpperCritical || shown <= t.LowerFatal || shown >= t.UpperFatal)
        {
            health = SimHealth.Critical;
        }

        return new SensorValue(shown, health, "Enabled");
    }

    private SimHealth Health(SimPart part)
    {
        var d = part.Definition;
        var states = SensorModel.DiscreteStates(d, part.ShareIndex, Fleet.Seed, Bmc, Elapsed);
        return d.Failure is { } f && (states & (1 << f.State)) != 0 ? SimHealth.Critical : SimHealth.OK;
    }
}
