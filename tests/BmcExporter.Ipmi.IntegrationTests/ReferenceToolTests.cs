using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// Step one of the proof: before any product code is involved, the independent reference clients (ipmitool and
/// FreeIPMI) must report exactly what the harness configured, as computed by the harness's own oracle.
/// </summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ReferenceToolTests(IpmiSimFixture sim)
{
    // Printed precision: ipmitool sensor prints 3 decimals, ipmi-sensors 2.
    private const double IpmitoolTolerance = 0.0005 + 1e-9;
    private const double FreeIpmiTolerance = 0.005 + 1e-9;

    [Fact]
    public async Task IpmitoolSensor_AnalogSensors_MatchOracle()
    {
        IReadOnlyList<IpmitoolSensorRow> rows = IpmitoolSensorRow.Parse(await Ipmitool.RunAsync(sim, CancellationToken.None, "sensor"));

        foreach ((AnalogSensor s, IpmitoolSensorRow? row) in ToolStatus.Pair(SimBmc.Analog, s => s.Name, rows, r => r.Name))
        {
            Assert.True(row is not null, $"ipmitool sensor has no line for '{s.Name}'");
            AssertClose(s.Value, row.Value, IpmitoolTolerance, $"{s.Name} value");
            Assert.Equal(s.Status, ToolStatus.FromIpmitool(row.Status));
            if (s.Scanning)
            {
                Assert.Equal(s.UnitName, row.Unit);
            }

            ThresholdValues t = s.ThresholdValues;
            AssertClose(t.LowerNonRecoverable, row.Lnr, IpmitoolTolerance, $"{s.Name} LNR");
            AssertClose(t.LowerCritical, row.Lcr, IpmitoolTolerance, $"{s.Name} LCR");
            AssertClose(t.LowerNonCritical, row.Lnc, IpmitoolTolerance, $"{s.Name} LNC");
            AssertClose(t.UpperNonCritical, row.Unc, IpmitoolTolerance, $"{s.Name} UNC");
            AssertClose(t.UpperCritical, row.Ucr, IpmitoolTolerance, $"{s.Name} UCR");
            AssertClose(t.UpperNonRecoverable, row.Unr, IpmitoolTolerance, $"{s.Name} UNR");
        }
    }

    [Fact]
    public async Task IpmitoolSensor_DiscreteSensors_ReportAssertedStates()
    {
        IReadOnlyList<IpmitoolSensorRow> rows = IpmitoolSensorRow.Parse(await Ipmitool.RunAsync(sim, CancellationToken.None, "sensor"));
        // ipmitool does not expand shared compact records: only the record's own (first) sensor appears, under the record name.
        IEnumerable<DiscreteSensor> visible = SimBmc.Discrete.Where(d => d.ShareIndex == 0);

        foreach ((DiscreteSensor s, IpmitoolSensorRow? row) in ToolStatus.Pair(visible, d => d.ShareCount > 1 ? d.RecordName : d.Name, rows, r => r.Name))
        {
            Assert.True(row is not null, $"ipmitool sensor has no line for '{s.Name}'");
            Assert.True(row.IsDiscrete, $"{s.Name} should be discrete, ipmitool says unit '{row.Unit}'");
            Assert.Equal(s.AssertedStates, row.DiscreteStates);
        }

        Assert.Equal(SimBmc.Analog.Count + visible.Count(), rows.Count);
    }

    [Fact]
    public async Task IpmitoolSdrElist_AllRecords_HaveNumbersEntitiesAndKinds()
    {
        IReadOnlyList<IpmitoolSdrRow> rows = IpmitoolSdrRow.Parse(await Ipmitool.RunAsync(sim, CancellationToken.None, "sdr", "elist", "all"));
        IEnumerable<ISimSensor> visible = SimBmc.AllSensors.Where(s => s is not DiscreteSensor { ShareIndex: > 0 });

        foreach ((ISimSensor s, IpmitoolSdrRow? row) in ToolStatus.Pair(visible, s => s is DiscreteSensor { ShareCount: > 1 } d ? d.RecordName : s.Name, rows, r => r.Name))
        {
            Assert.True(row is not null, $"sdr elist has no line for '{s.Name}'");
            Assert.Equal(s.Number, row.Number);
            Assert.Equal(s.EntityId, row.EntityId);
            Assert.Equal(s.EntityInstance, row.EntityInstance);
        }

        Assert.Equal("Disabled", Assert.Single(rows, r => r.Name == "Scan Off").Description);
        IpmitoolSdrRow eventOnly = Assert.Single(rows, r => r.Name == SimBmc.EventOnlyName);
        Assert.Equal(SimBmc.EventOnlyNumber, eventOnly.Number);
        Assert.Equal("Event-Only", eventOnly.Description);
        Assert.StartsWith("Dynamic MC @ 20h", Assert.Single(rows, r => r.Name == "BMC").Description, StringComparison.Ordinal);
        Assert.StartsWith("Logical FRU @01h", Assert.Single(rows, r => r.Name == "PSU FRU").Description, StringComparison.Ordinal);
        // Locators, sensors and the event-only record; the two OEM (0xC0) records are not listed.
        Assert.Equal(visible.Count() + 3, rows.Count);
    }

    [Fact]
    public async Task FreeIpmiSensors_EverySensor_MatchesOracle()
    {
        IReadOnlyList<FreeIpmiSensorRow> rows = FreeIpmiSensorRow.Parse(await FreeIpmi.SensorsAsync(sim, eventBitmask: true, CancellationToken.None));

        foreach ((AnalogSensor s, FreeIpmiSensorRow? row) in ToolStatus.Pair(SimBmc.Analog, s => s.Name, rows, r => r.Name))
        {
            Assert.True(row is not null, $"ipmi-sensors has no line for '{s.Name}'");
            AssertClose(s.Value, row.Reading, FreeIpmiTolerance, $"{s.Name} reading");
            Assert.Equal(s.Percent ? "%" : s.UnitName, row.Units);
            Assert.Equal(s.Scanning ? s.ThresholdBits : null, row.EventBitmask);
            Assert.Equal(s.Status, ToolStatus.FromThresholdBits(row.EventBitmask));
            ThresholdValues t = s.ThresholdValues;
            AssertClose(t.LowerNonRecoverable, row.Lnr, FreeIpmiTolerance, $"{s.Name} LNR");
            AssertClose(t.LowerCritical, row.Lcr, FreeIpmiTolerance, $"{s.Name} LCR");
            AssertClose(t.LowerNonCritical, row.Lnc, FreeIpmiTolerance, $"{s.Name} LNC");
            AssertClose(t.UpperNonCritical, row.Unc, FreeIpmiTolerance, $"{s.Name} UNC");
            AssertClose(t.UpperCritical, row.Ucr, FreeIpmiTolerance, $"{s.Name} UCR");
            AssertClose(t.UpperNonRecoverable, row.Unr, FreeIpmiTolerance, $"{s.Name} UNR");
        }

        // --shared-sensors expands the DIMM record into its four sensors, so every discrete sensor is listed.
        foreach ((DiscreteSensor s, FreeIpmiSensorRow? row) in ToolStatus.Pair(SimBmc.Discrete, d => d.Name, rows, r => r.Name))
        {
            Assert.True(row is not null, $"ipmi-sensors has no line for '{s.Name}'");
            Assert.Null(row.Reading);
            Assert.Equal(s.AssertedStates, row.EventBitmask);
        }

        Assert.Equal(SimBmc.AllSensors.Count(), rows.Count);
    }

    private static void AssertClose(double? expected, double? actual, double tolerance, string what)
    {
        if (expected is null || actual is null)
        {
            Assert.True(expected is null && actual is null, $"{what}: expected {expected?.ToString() ?? "none"}, tool printed {actual?.ToString() ?? "none"}");
            return;
        }

        Assert.True(Math.Abs(expected.Value - actual.Value) <= tolerance, $"{what}: expected {expected}, tool printed {actual}");
    }
}
