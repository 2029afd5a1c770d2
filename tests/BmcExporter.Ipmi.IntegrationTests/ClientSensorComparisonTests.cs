using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// The proof of issues 2 and 3: for every sensor, the product's client reports the same value, unit, status and
/// thresholds as ipmitool and FreeIPMI for the same BMC (and as the harness's oracle), compared programmatically
/// with the tools' printed precision as tolerance. The same body runs against ipmi_sim
/// (<see cref="IpmiSimSensorComparisonTests"/>) and against the product's simulator serving the same sensor set
/// (<see cref="SimulatorSensorComparisonTests"/>), so client and simulator are each checked by independent peers.
/// </summary>
public abstract class ClientSensorComparisonTests(IBmcTarget sim)
{
    private const double ExactTolerance = 1e-6;
    private const double IpmitoolTolerance = 0.0005 + 1e-9;
    private const double FreeIpmiTolerance = 0.005 + 1e-9;

    /// <summary>The suite the client settles on with its default preference [17, 3].</summary>
    protected abstract byte ExpectedCipherSuite { get; }

    /// <summary>Oracle analog sensors this host serves exactly as the oracle describes them.</summary>
    private protected virtual IEnumerable<AnalogSensor> Analog => SimBmc.Analog;

    /// <summary>Oracle discrete sensors this host serves exactly as the oracle describes them.</summary>
    private protected virtual IEnumerable<DiscreteSensor> Discrete => SimBmc.Discrete;

    [Fact]
    public async Task ClientSensors_AnalogSensors_MatchIpmitoolFreeIpmiAndOracle()
    {
        CancellationToken ct = CancellationToken.None;
        ClientSnapshot client = await ClientSnapshot.ReadAsync(sim, ct);
        IReadOnlyList<IpmitoolSensorRow> ipmitool = IpmitoolSensorRow.Parse(await Ipmitool.RunAsync(sim, ct, "sensor"));
        IReadOnlyList<FreeIpmiSensorRow> freeIpmi = FreeIpmiSensorRow.Parse(await FreeIpmi.SensorsAsync(sim, eventBitmask: true, ct));
        var ipmitoolRows = ToolStatus.Pair(Analog, s => s.Name, ipmitool, r => r.Name).ToDictionary(p => p.Expected.Number, p => p.Actual);
        var freeIpmiRows = ToolStatus.Pair(Analog, s => s.Name, freeIpmi, r => r.Name).ToDictionary(p => p.Expected.Number, p => p.Actual);

        foreach (AnalogSensor s in Analog)
        {
            SensorReading ours = client.BySensorNumber(s.Number);
            IpmitoolSensorRow it = ipmitoolRows[s.Number] ?? throw new Xunit.Sdk.XunitException($"ipmitool lacks {s.Name}");
            FreeIpmiSensorRow fi = freeIpmiRows[s.Number] ?? throw new Xunit.Sdk.XunitException($"ipmi-sensors lacks {s.Name}");

            Assert.Equal(s.Name, ours.Name);
            Assert.Equal(fi.RecordId, ours.RecordId);
            Assert.True(ours.IsThresholdBased, $"{s.Name}: client says not threshold-based");
            Close(s.Value, ours.Value, ExactTolerance, $"{s.Name} value vs oracle");
            Close(it.Value, ours.Value, IpmitoolTolerance, $"{s.Name} value vs ipmitool");
            Close(fi.Reading, ours.Value, FreeIpmiTolerance, $"{s.Name} value vs ipmi-sensors");
            if (s.Scanning)
            {
                Assert.Equal(it.Unit, ours.Unit);
            }
            else
            {
                Assert.True(ours.ScanningDisabled, $"{s.Name}: scanning disabled not reported");
            }

            Assert.Equal(s.Status, Map(ours.Status));
            Assert.Equal(ToolStatus.FromIpmitool(it.Status), Map(ours.Status));
            Assert.Equal(ToolStatus.FromThresholdBits(fi.EventBitmask), Map(ours.Status));
            SensorThresholds t = ours.Thresholds;
            ThresholdValues o = s.ThresholdValues;
            Close(o.LowerNonRecoverable, t.LowerNonRecoverable, ExactTolerance, $"{s.Name} LNR vs oracle");
            Close(o.LowerCritical, t.LowerCritical, ExactTolerance, $"{s.Name} LCR vs oracle");
            Close(o.LowerNonCritical, t.LowerNonCritical, ExactTolerance, $"{s.Name} LNC vs oracle");
            Close(o.UpperNonCritical, t.UpperNonCritical, ExactTolerance, $"{s.Name} UNC vs oracle");
            Close(o.UpperCritical, t.UpperCritical, ExactTolerance, $"{s.Name} UCR vs oracle");
            Close(o.UpperNonRecoverable, t.UpperNonRecoverable, ExactTolerance, $"{s.Name} UNR vs oracle");
            Close(it.Lnr, t.LowerNonRecoverable, IpmitoolTolerance, $"{s.Name} LNR vs ipmitool");
            Close(it.Lcr, t.LowerCritical, IpmitoolTolerance, $"{s.Name} LCR vs ipmitool");
            Close(it.Lnc, t.LowerNonCritical, IpmitoolTolerance, $"{s.Name} LNC vs ipmitool");
            Close(it.Unc, t.UpperNonCritical, IpmitoolTolerance, $"{s.Name} UNC vs ipmitool");
            Close(it.Ucr, t.UpperCritical, IpmitoolTolerance, $"{s.Name} UCR vs ipmitool");
            Close(it.Unr, t.UpperNonRecoverable, IpmitoolTolerance, $"{s.Name} UNR vs ipmitool");
            Close(fi.Lnr, t.LowerNonRecoverable, FreeIpmiTolerance, $"{s.Name} LNR vs ipmi-sensors");
            Close(fi.Lcr, t.LowerCritical, FreeIpmiTolerance, $"{s.Name} LCR vs ipmi-sensors");
            Close(fi.Lnc, t.LowerNonCritical, FreeIpmiTolerance, $"{s.Name} LNC vs ipmi-sensors");
            Close(fi.Unc, t.UpperNonCritical, FreeIpmiTolerance, $"{s.Name} UNC vs ipmi-sensors");
            Close(fi.Ucr, t.UpperCritical, FreeIpmiTolerance, $"{s.Name} UCR vs ipmi-sensors");
            Close(fi.Unr, t.UpperNonRecoverable, FreeIpmiTolerance, $"{s.Name} UNR vs ipmi-sensors");
            Assert.Equal(s.EntityId, ours.EntityId);
            Assert.Equal(s.EntityInstance, ours.EntityInstance);
            Assert.Equal(s.SensorType, ours.SensorTypeCode);
        }
    }

    [Fact]
    public async Task ClientSensors_DiscreteSensors_MatchIpmitoolFreeIpmiAndOracle()
    {
        CancellationToken ct = CancellationToken.None;
        ClientSnapshot client = await ClientSnapshot.ReadAsync(sim, ct);
        IReadOnlyList<IpmitoolSensorRow> ipmitool = IpmitoolSensorRow.Parse(await Ipmitool.RunAsync(sim, ct, "sensor"));
        IReadOnlyList<FreeIpmiSensorRow> freeIpmi = FreeIpmiSensorRow.Parse(await FreeIpmi.SensorsAsync(sim, eventBitmask: true, ct));
        var freeIpmiRows = ToolStatus.Pair(Discrete, s => s.Name, freeIpmi, r => r.Name).ToDictionary(p => p.Expected.Number, p => p.Actual);

        foreach (DiscreteSensor s in Discrete)
        {
            SensorReading ours = client.BySensorNumber(s.Number);
            FreeIpmiSensorRow fi = freeIpmiRows[s.Number] ?? throw new Xunit.Sdk.XunitException($"ipmi-sensors lacks {s.Name}");

            // Shared records: ID string, a space, the instance suffix ("DIMM 0"), as FreeIPMI names them.
            Assert.Equal(fi.Name, ours.Name);
            Assert.Equal(ToolStatus.NameKey(s.Name), ToolStatus.NameKey(ours.Name));
            Assert.Equal(fi.RecordId, ours.RecordId);
            Assert.False(ours.IsThresholdBased, $"{s.Name}: client says threshold-based");
            Assert.Null(ours.Value);
            Assert.Equal(s.AssertedOffsets, ours.AssertedStates.Order().ToArray());
            Assert.Equal(Bits(fi.EventBitmask ?? 0), ours.AssertedStates.Order().ToArray());
            if (s.ShareIndex == 0)
            {
                IpmitoolSensorRow it = Assert.Single(ipmitool, r => r.Name == (s.ShareCount > 1 ? s.RecordName : s.Name));
                Assert.Equal(it.DiscreteStates, ours.AssertedStates.Sum(bit => 1 << bit));
            }

            Assert.Equal(s.EntityId, ours.EntityId);
            Assert.Equal(s.EntityInstance, ours.EntityInstance);
            Assert.Equal(s.SensorType, ours.SensorTypeCode);
            Assert.Equal(s.EventType, ours.EventReadingType);
        }
    }

    [Fact]
    public async Task ClientSensors_DiscreteSeverity_MatchesFreeIpmiSensorState()
    {
        CancellationToken ct = CancellationToken.None;
        ClientSnapshot client = await ClientSnapshot.ReadAsync(sim, ct);
        IReadOnlyList<FreeIpmiSensorRow> freeIpmi = FreeIpmiSensorRow.Parse(await FreeIpmi.SensorsAsync(sim, eventBitmask: true, ct));

        foreach ((DiscreteSensor s, FreeIpmiSensorRow? fi) in ToolStatus.Pair(Discrete, d => d.Name, freeIpmi, r => r.Name))
        {
            Assert.NotNull(fi);
            ExpectedStatus freeIpmiStatus = fi.State switch
            {
                "Nominal" => ExpectedStatus.Ok,
                "Warning" => ExpectedStatus.Warning,
                "Critical" => ExpectedStatus.Critical,
                _ => throw new FormatException($"ipmi-sensors state '{fi.State}' for {s.Name}"),
            };
            Assert.True(freeIpmiStatus == Map(client.BySensorNumber(s.Number).Status), $"{s.Name}: FreeIPMI says {fi.State}, client {client.BySensorNumber(s.Number).Status}");
        }
    }

    [Fact]
    public async Task ClientSdr_Repository_ListsEveryRecordKindAndSkipsOem()
    {
        ClientSnapshot client = await ClientSnapshot.ReadAsync(sim, CancellationToken.None);

        Assert.Equal(ExpectedCipherSuite, client.CipherSuite);
        Assert.Equal(SimBmc.AllSensors.Count(), client.Readings.Count);
        Assert.Equal(SimBmc.AllSensors.Count() + 1, client.Repository.Sensors.Count); // plus the event-only sensor
        Assert.Contains(client.Repository.Sensors, s => s.IsEventOnly && s.SensorNumber == SimBmc.EventOnlyNumber && s.Name == SimBmc.EventOnlyName);
        Assert.Contains(client.Repository.Records, r => r.RecordTypeCode == 0x11);
        Assert.Contains(client.Repository.Records, r => r.RecordTypeCode == 0x12);
        // OEM records (0xC0) are kept opaque, never turned into sensors, never fatal.
        Assert.Equal(2, client.Repository.Records.Count(r => r.RecordTypeCode == 0xC0));
        Assert.All(client.Repository.Records.Where(r => r.RecordTypeCode == 0xC0), r => Assert.IsNotAssignableFrom<SensorRecord>(r));
        Assert.Equal(2, client.Repository.Records.Count(r => r.RecordTypeCode == 0x12 || r.RecordTypeCode == 0x11));
        Assert.Equal(2, client.Readings.Count(r => r.Name == "Temp"));
    }

    private static ExpectedStatus Map(SensorStatus status) => status switch
    {
        SensorStatus.Ok => ExpectedStatus.Ok,
        SensorStatus.Warning => ExpectedStatus.Warning,
        SensorStatus.Critical => ExpectedStatus.Critical,
        SensorStatus.NonRecoverable => ExpectedStatus.NonRecoverable,
        _ => ExpectedStatus.Unavailable,
    };

    private static int[] Bits(int mask) => Enumerable.Range(0, 15).Where(b => (mask & (1 << b)) != 0).ToArray();

    private static void Close(double? expected, double? actual, double tolerance, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {expected?.ToString() ?? "none"}, client {actual?.ToString() ?? "none"}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{what}: expected {expected}, client {actual}");
    }
}
