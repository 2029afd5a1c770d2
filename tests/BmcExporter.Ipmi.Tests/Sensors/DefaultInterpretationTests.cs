using System.IO.Compression;
using System.Text.RegularExpressions;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Ipmi.Tables;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Sensors;

public sealed partial class DefaultInterpretationTests
{
    // The man page Debian's freeipmi-common installs: the independent statement of every documented default.
    private const string ManPage = "/usr/share/man/man5/freeipmi_interpret_sensor.conf.5.gz";

    // Three groups the 1.6.10 man page documents wrongly (Session_Audit lists Version_Change's states; the other two
    // disagree with the defaults compiled into libfreeipmi, which is what ipmimonitoring and so the peer apply).
    // Each entry: what the man page says, what the library applies.
    private static readonly Dictionary<string, (string Documented, string Applied)> ManPageErrata = new()
    {
        ["Power_Supply_State"] = ("NCN", "NNW"),
        ["Entity_Presence_Device_Present"] = ("NNN", "NCN"),
        ["Session_Audit"] = ("NWWCCCCNN", "NNNWC"),
    };

    [Theory]
    [InlineData(ThresholdMask.None, SensorState.Nominal)]
    [InlineData(ThresholdMask.UpperNonCritical, SensorState.Nominal)]
    [InlineData(ThresholdMask.LowerNonCritical, SensorState.Nominal)]
    [InlineData(ThresholdMask.UpperNonCritical | ThresholdMask.UpperCritical, SensorState.Critical)]
    [InlineData(ThresholdMask.LowerCritical, SensorState.Critical)]
    [InlineData(ThresholdMask.LowerNonRecoverable, SensorState.Critical)]
    [InlineData(ThresholdMask.All, SensorState.Critical)]
    public void Threshold_EachLevel_FreeIpmiDefault(ThresholdMask bits, SensorState expected) =>
        Assert.Equal(expected, DefaultInterpretation.Threshold(bits));

    [Fact]
    public void Interpret_UpperNonCriticalCrossed_NominalStateWarningStatus()
    {
        // 85 °C at an upper non-critical threshold: ipmi_exporter says 0, our own severity says warning.
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), new SensorReadingData(85, 0xC0, 0x08));

        Assert.Equal(SensorState.Nominal, reading.State);
        Assert.Equal(SensorStatus.Warning, reading.Status);
    }

    [Fact]
    public void Interpret_Unavailable_UnknownState()
    {
        var reading = SensorInterpreter.Interpret(Sensor(SdrVectors.CpuTemp), new SensorReadingData(0, 0xE0, 0));

        Assert.Equal(SensorState.Unknown, reading.State);
    }

    [Theory]
    [InlineData(0x0D, 0x08, 0x0001, SensorState.Critical)] // Drive Slot, device absent
    [InlineData(0x0D, 0x08, 0x0002, SensorState.Nominal)] // Drive Slot, device present
    [InlineData(0x0D, 0x04, 0x0002, SensorState.Critical)] // Drive Slot, predictive failure asserted
    [InlineData(0x0D, 0x6F, 0x0000, SensorState.Nominal)] // Drive Slot, nothing asserted
    [InlineData(0x0D, 0x6F, 0x0009, SensorState.Nominal)] // presence + hot spare
    [InlineData(0x0D, 0x6F, 0x0003, SensorState.Critical)] // presence + fault
    [InlineData(0x08, 0x6F, 0x0009, SensorState.Critical)] // Power Supply: presence + AC lost
    [InlineData(0x0D, 0x03, 0x0000, SensorState.Nominal)] // Drive Slot state: no event
    [InlineData(0x0D, 0x03, 0x0001, SensorState.Warning)] // Drive Slot state: deasserted
    [InlineData(0xC5, 0x6F, 0x0001, SensorState.Unknown)] // OEM sensor type: no interpretation
    [InlineData(0x0B, 0x03, 0x0001, SensorState.Unknown)] // Other Units Based Sensor: no group
    [InlineData(0x0D, 0x08, 0x8000, SensorState.Nominal)] // bit 15 is reserved: No_Event
    [InlineData(0x0D, 0x08, 0x0104, SensorState.Nominal)] // offsets beyond the group are ignored
    public void Discrete_Bits_FreeIpmiDefault(byte sensorType, byte eventReadingType, ushort bits, SensorState expected) =>
        Assert.Equal(expected, DefaultInterpretation.Discrete(eventReadingType, sensorType, bits));

    [Fact]
    public void Discrete_AcpiPowerStateOffset14_IgnoredAsFreeIpmiWalksFifteenJudgements()
    {
        // System ACPI Power State has 15 offsets; FreeIPMI only judges offsets 0-13.
        Assert.Equal(SensorState.Nominal, DefaultInterpretation.Discrete(0x6F, 0x22, 1 << 14));
        Assert.Equal(SensorState.Critical, DefaultInterpretation.Discrete(0x6F, 0x22, 1 << 13));
        Assert.Null(DefaultInterpretation.ForOffset(0x6F, 0x22, 14));
    }

    [Fact]
    public void Groups_NoDuplicatePairs_EveryCodeKnown()
    {
        var groups = InterpretationDefaults.Groups;

        Assert.Equal(groups.Count, groups.Select(g => (g.SensorType, g.EventReadingType)).Distinct().Count());
        Assert.All(groups, g => Assert.Matches("^[NWC]{2,16}$", g.Codes));
    }

    [Fact]
    public void Groups_EveryGroupInManPage_SameDefaultsInSameOrder()
    {
        var documented = ParseManPage();
        var ours = InterpretationDefaults.Groups.ToDictionary(g => g.Name, g => g.Codes);
        ours["Threshold_Sensor"] = InterpretationDefaults.Threshold;
        documented.Remove("OEM");

        Assert.True(documented.Count >= 60, $"only {documented.Count} groups parsed from {ManPage}");
        foreach (var (group, codes) in documented)
        {
            Assert.True(ours.TryGetValue(group, out var mine), $"group {group} of the man page is not in the table");
            if (ManPageErrata.TryGetValue(group, out var erratum))
            {
                Assert.Equal(erratum.Documented, codes);
                Assert.Equal(erratum.Applied, mine);
            }
            else
            {
                Assert.Equal(codes, mine);
            }
        }
    }

    private static SdrSensor Sensor(byte[] vector) => SdrSensors.Expand([SdrDecoder.Decode(vector)])[0];

    private static Dictionary<string, string> ParseManPage()
    {
        Assert.True(File.Exists(ManPage), $"{ManPage} is missing: install freeipmi-common (scripts/install-test-deps.sh)");
        using var file = File.OpenRead(ManPage);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var text = reader.ReadToEnd();
        var groups = new Dictionary<string, string>(StringComparer.Ordinal);
        string? current = null;
        foreach (Match m in Entry().Matches(text))
        {
            if (m.Groups["group"].Success)
            {
                current = m.Groups["group"].Value;
                groups[current] = string.Empty;
            }
            else if (current is not null)
            {
                groups[current] += m.Groups["state"].Value[0];
            }
        }

        return groups;
    }

    [GeneratedRegex(@"^\.B IPMI_(?<group>\w+)$|^Defaults to (?<state>Nominal|Warning|Critical)\.", RegexOptions.Multiline)]
    private static partial Regex Entry();
}
