using System.Collections.Immutable;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Ipmi.IntegrationTests.Sim;

/// <summary>
/// The <see cref="SimBmc"/> sensor set expressed as a product-simulator profile: the same sensor numbers, names,
/// entities, units, conversion factors, linearization, analog formats, raw readings, raw thresholds, asserted states,
/// locators and OEM records the harness loads into ipmi_sim. Values are static (no load, noise, spread or faults), so
/// the oracle's expected values hold on every read.
/// </summary>
internal static class SimBmcProfile
{
    private static readonly TimeSpan Step = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Oracle sensors the simulator cannot serve as ipmi_sim does. DIMM1 and DIMM3: the simulator holds one set of
    /// normal states per shared Compact record (<see cref="SensorDefinition.NormalStates"/>), while the harness gives
    /// each DIMM of the shared record its own asserted offsets; the record is served with DIMM0's states, so DIMM0
    /// and DIMM2 (same states) are compared and DIMM1/DIMM3 are not.
    /// </summary>
    public static bool CannotExpress(ISimSensor sensor) =>
        sensor is DiscreteSensor { ShareCount: > 1 } d && d.AssertedStates != SharedRecordStates(d);

    /// <summary>Builds the profile; session policy, chassis, SEL and FRU come from the shipped default profile.</summary>
    public static SimProfile Create()
    {
        SimProfile shipped = ProfileLoader.LoadShipped(ProfileLoader.DefaultName);
        return new SimProfile
        {
            Name = "harness-simbmc",
            Description = "The integration harness's ipmi_sim sensor set",
            Identity = new BmcIdentity(
                SimBmc.DeviceId, SimBmc.DeviceRevision, SimBmc.FirmwareMajor, SimBmc.FirmwareMinorBcd,
                SimBmc.ManufacturerId, (ushort)SimBmc.ProductId, [0, 0, 0, 0]),
            Sessions = shipped.Sessions,
            Users = [],
            Chassis = shipped.Chassis,
            Load = shipped.Load,
            Sensors = [.. SimBmc.Analog.Select(Analog), .. SimBmc.Discrete.Where(d => d.ShareIndex == 0).Select(Discrete), EventOnly()],
            Locators =
            [
                new LocatorDefinition(IsMc: true, "BMC", SdrBuilder.BmcAddress, 0, 0x06, 1, SimBmc.DeviceSupport),
                new LocatorDefinition(IsMc: false, "PSU FRU", SdrBuilder.BmcAddress, 1, 0x0A, 1, 0),
            ],
            OemRecords =
            [
                new OemRecordDefinition(SimBmc.OemRecordManufacturer, [0x01, 0x02, 0x03, 0x04, 0x05]),
                new OemRecordDefinition(0x000157, [0xAA, 0xBB]),
            ],
            Sel = shipped.Sel,
            Fru = shipped.Fru,
            Quirks = QuirkSet.None,
        };
    }

    private static SensorDefinition Analog(AnalogSensor a) => new()
    {
        Name = a.Name,
        Number = a.Number,
        Record = SdrRecordKind.Full,
        SensorType = a.SensorType,
        EventReadingType = 0x01,
        Unit = a.BaseUnit,
        Percentage = a.Percent,
        AnalogFormat = (byte)a.Format,
        EntityId = a.EntityId,
        EntityInstance = a.EntityInstance,
        Conversion = new LinearConversion(a.M, a.B, a.RExp, a.BExp),
        Linearization = a.Linearization,
        // The simulator stores engineering values and encodes them back with the linear factors: give it the
        // linear value of each raw byte (before linearization) so the served raw bytes are the oracle's.
        Thresholds = new ThresholdSet(
            Linear(a, a.Thresholds.Lnr), Linear(a, a.Thresholds.Lcr), Linear(a, a.Thresholds.Lnc),
            Linear(a, a.Thresholds.Unc), Linear(a, a.Thresholds.Ucr), Linear(a, a.Thresholds.Unr)),
        Behaviour = new AnalogBehaviour(Linear(a, a.Raw)!.Value, LoadGain: 0, Noise: 0, Spread: 0, Step, Excursion: null),
        Mode = a.Scanning ? ReadingMode.Normal : ReadingMode.ScanningDisabled,
    };

    private static SensorDefinition Discrete(DiscreteSensor d) => new()
    {
        Name = d.ShareCount > 1 ? d.RecordName : d.Name,
        Number = d.Number,
        Record = d.FullRecord ? SdrRecordKind.Full : SdrRecordKind.Compact,
        SensorType = d.SensorType,
        EventReadingType = d.EventType,
        EntityId = d.EntityId,
        EntityInstance = d.EntityInstance,
        Conversion = new LinearConversion(1, 0, 0, 0),
        Thresholds = ThresholdSet.None,
        ShareCount = d.ShareCount,
        ShareOffset = 0,
        ShareEntityIncrements = d.ShareCount > 1,
        NormalStates = SharedRecordStates(d),
    };

    private static SensorDefinition EventOnly() => new()
    {
        Name = SimBmc.EventOnlyName,
        Number = SimBmc.EventOnlyNumber,
        Record = SdrRecordKind.EventOnly,
        SensorType = 0x23,
        EventReadingType = 0x6F,
        EntityId = 0x06,
        EntityInstance = 1,
        Conversion = new LinearConversion(1, 0, 0, 0),
        Thresholds = ThresholdSet.None,
    };

    // The states of a shared record are those of its first sensor (ShareIndex 0).
    private static ushort SharedRecordStates(DiscreteSensor d) =>
        d.ShareCount > 1 ? SimBmc.Discrete.First(x => x.Number == d.Number - d.ShareIndex).AssertedStates : d.AssertedStates;

    /// <summary>(M·x + B·10^Bexp)·10^Rexp for a raw byte in the sensor's analog format (IPMI v2.0 §36.3, before linearization).</summary>
    private static double? Linear(AnalogSensor a, byte? raw)
    {
        if (raw is not { } r)
        {
            return null;
        }

        double x = a.Format switch
        {
            AnalogFormat.OnesComplement => (r & 0x80) != 0 ? r - 255 : r,
            AnalogFormat.TwosComplement => (sbyte)r,
            _ => r,
        };
        return ((a.M * x) + (a.B * Math.Pow(10, a.BExp))) * Math.Pow(10, a.RExp);
    }
}
