using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>The configured BMC covers every case the proof requires (issue 2, "Proof"), checked on the oracle itself.</summary>
[Trait("Category", "Integration")]
public sealed class SensorSetTests
{
    [Fact]
    public void SensorSet_Coverage_HasEveryRequiredCase()
    {
        Assert.True(SimBmc.AllSensors.Count() >= 30);
        Assert.Contains(SimBmc.Analog, s => s.Format == AnalogFormat.Unsigned);
        Assert.Contains(SimBmc.Analog, s => s.Format == AnalogFormat.OnesComplement && s.Value < 0);
        Assert.Contains(SimBmc.Analog, s => s.Format == AnalogFormat.TwosComplement && s.Value < 0);
        Assert.Contains(SimBmc.Analog, s => s.RExp != 0 && s.BExp != 0 && s.B != 0);
        Assert.Contains(SimBmc.Analog, s => s.M > 255);
        Assert.Contains(SimBmc.Analog, s => s.M < 0);
        Assert.Contains(SimBmc.Analog, s => s.Percent);
        Assert.Contains(SimBmc.Analog, s => !s.Scanning);
        Assert.Contains(SimBmc.Analog, s => s.Linearization != 0);
        foreach (ExpectedStatus status in Enum.GetValues<ExpectedStatus>())
        {
            Assert.Contains(SimBmc.Analog, s => s.Status == status);
        }

        Assert.Contains(SimBmc.Discrete, s => s is { SensorType: 0x08, EventType: 0x6F } && (s.AssertedStates & 0x02) != 0);
        Assert.Contains(SimBmc.Discrete, s => s is { SensorType: 0x0D } && (s.AssertedStates & 0x02) != 0);
        Assert.Contains(SimBmc.Discrete, s => s is { SensorType: 0x05 } && s.AssertedStates != 0);
        Assert.Contains(SimBmc.Discrete, s => s is { EventType: 0x0B });
        Assert.True(SimBmc.Discrete.Count(s => s is { SensorType: 0x0C, ShareCount: >= 4 }) >= 4);
        Assert.Contains(SimBmc.AllSensors.GroupBy(s => s.Name), g => g.Count() > 1);
        byte[][] sdrs = SimBmc.SdrRecords().ToArray();
        foreach (byte type in new byte[] { 0x01, 0x02, 0x03, 0x11, 0x12, 0xC0 })
        {
            Assert.Contains(sdrs, r => r[3] == type);
        }

        Assert.Contains(SimBmc.Sel, e => e.IsSystemEvent);
        Assert.Contains(SimBmc.Sel, e => e.IsOemTimestamped);
        Assert.Contains(SimBmc.Sel, e => e.IsOemNonTimestamped);
    }

    [Fact]
    public void SdrBuilder_FullRecord_PlacesConversionFieldsAtSpecOffsets()
    {
        // shared/docs/harness.md §1 "12.00 V" example: unit 4 at offset 21, M=6 at 24, R-exp -2 in byte 29 (0xE0).
        var cpu = new AnalogSensor(1, "CPU Temp", 0x01, 0x07, 1, Units.Volts, AnalogFormat.Unsigned, 6, 0, 0, -2, 200, RawThresholds.None);
        byte[] sdr = cpu.Sdr();

        Assert.Equal(0x51, sdr[2]);
        Assert.Equal(sdr.Length - 5, sdr[4]);
        Assert.Equal(0x04, sdr[21]);
        Assert.Equal(6, sdr[24]);
        Assert.Equal(0xE0, sdr[29]);
        Assert.Equal(0xC8, sdr[47]);
        Assert.Equal(12.00, cpu.Convert(200));
    }

    [Fact]
    public void SimConfigWriter_Emu_EndsWithMcEnableAndChecksEveryRecordLength()
    {
        string emu = SimConfigWriter.Emu();
        string[] lines = emu.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("mc_setbmc 0x20", lines[0]);
        Assert.Equal("mc_enable 0x20", lines[^1]);
        Assert.Equal(SimBmc.SdrRecords().Count(), lines.Count(l => l.StartsWith("main_sdr_add ", StringComparison.Ordinal)));
        Assert.Equal(SimBmc.AllSensors.Count(), lines.Count(l => l.StartsWith("sensor_add ", StringComparison.Ordinal)));
    }
}
