using BmcExporter.Config;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Output;

public sealed class TargetRendererTests
{
    [Theory]
    [InlineData("ipmi_temperature_celsius{id=\"1\",name=\"CPU Temp\"} 45")]
    [InlineData("ipmi_temperature_state{id=\"1\",name=\"CPU Temp\"} 0")]
    [InlineData("ipmi_fan_speed_rpm{id=\"2\",name=\"FAN1\"} 6000")]
    [InlineData("ipmi_fan_speed_state{id=\"2\",name=\"FAN1\"} 1")]
    [InlineData("ipmi_voltage_volts{id=\"3\",name=\"12V \"} 12")]
    [InlineData("ipmi_current_amperes{id=\"4\",name=\"PSU1 Current\"} 1.5")]
    [InlineData("ipmi_current_state{id=\"4\",name=\"PSU1 Current\"} 2")]
    [InlineData("ipmi_power_watts{id=\"5\",name=\"PSU1 Power\"} 180")]
    [InlineData("ipmi_power_state{id=\"5\",name=\"PSU1 Power\"} 2")]
    [InlineData("ipmi_fan_speed_ratio{id=\"6\",name=\"FAN2 Duty\"} 0.55")]
    [InlineData("ipmi_sensor_value{id=\"7\",name=\"PSU1 Status\",type=\"Power Supply\"} NaN")]
    [InlineData("ipmi_sensor_state{id=\"7\",name=\"PSU1 Status\",type=\"Power Supply\"} 2")]
    [InlineData("ipmi_temperature_celsius{id=\"8\",name=\"Inlet Temp\"} NaN")]
    [InlineData("ipmi_temperature_state{id=\"8\",name=\"Inlet Temp\"} NaN")]
    [InlineData("ipmi_up{collector=\"ipmi\"} 1")]
    [InlineData("ipmi_up{collector=\"dcmi\"} 0")]
    [InlineData("ipmi_scrape_duration_seconds 0.12")]
    [InlineData("ipmi_bmc_info{firmware_revision=\"9.08\",manufacturer_id=\"MontaVista Software, Inc. (4753)\",system_firmware_version=\"N/A\"} 1")]
    [InlineData("ipmi_chassis_power_state 1")]
    [InlineData("ipmi_chassis_drive_fault_state 0")]
    [InlineData("ipmi_chassis_cooling_fault_state 1")]
    [InlineData("ipmi_chassis_intrusion_state 0")]
    [InlineData("ipmi_sel_logs_count 1")]
    [InlineData("ipmi_sel_free_space_bytes 15984")]
    [InlineData("ipmi_sensor_state_asserted{id=\"7\",name=\"PSU1 Status\",type=\"Power Supply\",offset=\"1\",state=\"Power Supply Failure detected\"} 1")]
    public void Render_ServerSnapshot_EmitsIpmiExporterSeriesAndDefaultAdditions(string expectedLine)
    {
        var text = Render.Ipmi(SampleSnapshots.Full());

        Assert.Contains(expectedLine + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_UnsupportedCollector_IpmiUpZeroAndSupportedZeroBesideIt()
    {
        var full = SampleSnapshots.Full();
        var snapshot = full with
        {
            Collectors = [.. full.Collectors.Select(c => c.Collector == "dcmi" ? c with { Unsupported = true } : c)],
        };

        var ipmi = Render.Ipmi(snapshot);
        var fleet = System.Text.Encoding.UTF8.GetString(Render.FleetBody(Render.Fleet(new TargetStatsRegistry(), snapshot), ExpositionFormat.Text, gzip: false));

        Assert.Contains("ipmi_up{collector=\"dcmi\"} 0\n", ipmi, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_collector_supported{collector=\"dcmi\"} 0\n", ipmi, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_collector_supported{collector=\"ipmi\"} 1\n", ipmi, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_collector_supported{target=\"10.0.0.1:623\",collector=\"dcmi\"} 0\n", fleet, StringComparison.Ordinal);
        Assert.Contains("# TYPE bmc_exporter_collector_supported gauge\n", ipmi, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ipmi_sensor_threshold")]
    [InlineData("ipmi_sensor_status")]
    [InlineData("ipmi_sensor_info")]
    public void Render_DefaultModule_LeavesOptionalFamiliesOut(string family)
    {
        var text = Render.Ipmi(SampleSnapshots.Full());

        Assert.DoesNotContain(family, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OptionalMetrics.Thresholds, "ipmi_sensor_threshold{id=\"1\",name=\"CPU Temp\",type=\"Temperature\",threshold=\"upper_critical\"} 90")]
    [InlineData(OptionalMetrics.SensorStatus, "ipmi_sensor_status{id=\"5\",name=\"PSU1 Power\",type=\"Power Supply\"} 3")]
    [InlineData(OptionalMetrics.SensorInfo, "ipmi_sensor_info{id=\"1\",name=\"CPU Temp\",type=\"Temperature\",entity=\"Processor\",entity_instance=\"1\",unit=\"C\",reading_type=\"threshold\"} 1")]
    public void Render_OptionalFamilyAsked_IsEmittedAlone(OptionalMetrics optional, string expectedLine)
    {
        var text = Render.Ipmi(SampleSnapshots.Full() with { OptionalMetrics = optional });

        Assert.Contains(expectedLine + "\n", text, StringComparison.Ordinal);
        foreach (var other in new[] { (OptionalMetrics.Thresholds, "ipmi_sensor_threshold"), (OptionalMetrics.SensorStatus, "ipmi_sensor_status"), (OptionalMetrics.SensorInfo, "ipmi_sensor_info") })
        {
            if (other.Item1 != optional)
            {
                Assert.DoesNotContain(other.Item2, text, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Render_HelpTexts_MatchIpmiExporter()
    {
        var text = Render.Ipmi(SampleSnapshots.Full());

        Assert.Contains("# HELP ipmi_temperature_celsius Temperature reading in degree Celsius.\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP ipmi_up '1' if a scrape of the IPMI device was successful, '0' otherwise.\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE ipmi_fan_speed_rpm gauge\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_EveryFamily_IsOneContiguousBlockUnderOneHeader()
    {
        var lines = Render.Ipmi(SampleSnapshots.Full() with { OptionalMetrics = OptionalMetrics.Thresholds | OptionalMetrics.SensorInfo | OptionalMetrics.SensorStatus })
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? current = null;
        foreach (var line in lines)
        {
            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                current = line.Split(' ')[2];
                Assert.True(seen.Add(current), $"second TYPE line for {current}");
            }
            else if (!line.StartsWith('#'))
            {
                var name = line[..line.IndexOfAny(['{', ' '])];
                Assert.Equal(current, name);
            }
        }
    }

    [Fact]
    public void Render_SensorVanished_SeriesDisappears()
    {
        var before = SampleSnapshots.Full();
        var after = before with { Sensors = before.Sensors.Where(s => s.Name != "FAN1").ToList() };

        Assert.Contains("name=\"FAN1\"", Render.Ipmi(before), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"FAN1\"", Render.Ipmi(after), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_NoDcmiData_EmitsNoDcmiFamily()
    {
        Assert.DoesNotContain("ipmi_dcmi_power_consumption_watts", Render.Ipmi(SampleSnapshots.Full()), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DcmiMeasurementInactive_EmitsNoPowerSeries()
    {
        var active = SampleSnapshots.Full() with { Power = new DcmiPowerSample { CurrentWatts = 210, Active = true } };
        var inactive = active with { Power = active.Power! with { Active = false } };

        Assert.Contains("ipmi_dcmi_power_consumption_watts 210\n", Render.Ipmi(active), StringComparison.Ordinal);
        Assert.DoesNotContain("ipmi_dcmi_power", Render.Ipmi(inactive), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_LabelValuesWithQuotesBackslashesNewlines_AreEscaped()
    {
        var snapshot = SampleSnapshots.Full() with
        {
            Sensors = [SampleSnapshots.Sensor(9, "a\"b\\c\nd", "C", 1)],
            Labels = new Dictionary<string, string> { ["rack"] = "r\"1" },
        };

        var text = Render.Ipmi(snapshot);

        Assert.Contains("ipmi_temperature_celsius{rack=\"r\\\"1\",id=\"9\",name=\"a\\\"b\\\\c\\nd\"} 1\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(double.PositiveInfinity, "+Inf")]
    [InlineData(double.NegativeInfinity, "-Inf")]
    [InlineData(0.1, "0.1")]
    [InlineData(1e-7, "1E-07")]
    [InlineData(-40.5, "-40.5")]
    public void Render_SpecialAndSmallValues_UsePrometheusSpelling(double value, string expected)
    {
        var snapshot = SampleSnapshots.Full() with { Sensors = [SampleSnapshots.Sensor(9, "T", "C", value)] };

        Assert.Contains($"ipmi_temperature_celsius{{id=\"9\",name=\"T\"}} {expected}\n", Render.Ipmi(snapshot), StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FanPercentIsRatio_OtherPercentIsGeneric()
    {
        var snapshot = SampleSnapshots.Full() with
        {
            Sensors =
            [
                SampleSnapshots.Sensor(1, "Fan Duty", "%", 40, SensorStatus.Ok, 0x04),
                SampleSnapshots.Sensor(2, "CPU Util", "%", 40, SensorStatus.Ok, 0x07),
            ],
        };

        var text = Render.Ipmi(snapshot);

        Assert.Contains("ipmi_fan_speed_ratio{id=\"1\",name=\"Fan Duty\"} 0.4\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_sensor_value{id=\"2\",name=\"CPU Util\",type=\"Processor\"} 40\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_Exposition_PassesPromtoolCheckMetrics()
    {
        var text = Render.Ipmi(SampleSnapshots.Full() with { OptionalMetrics = OptionalMetrics.Thresholds | OptionalMetrics.SensorInfo | OptionalMetrics.SensorStatus });

        Assert.Empty(await Promtool.LintAsync(text));
    }

    [Fact]
    public void Render_OpenMetrics_EndsWithEof()
    {
        var text = Render.Ipmi(SampleSnapshots.Full(), format: ExpositionFormat.OpenMetrics);

        Assert.EndsWith("# EOF\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE ipmi_up gauge\n", text, StringComparison.Ordinal);
    }
}
