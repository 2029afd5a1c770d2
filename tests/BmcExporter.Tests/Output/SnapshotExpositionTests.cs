using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Output;

public sealed class SnapshotExpositionTests
{
    private static async Task<string> RenderAsync(TargetSnapshot snapshot)
    {
        var builder = new ExpositionBuilder([]);
        SnapshotExposition.Write(builder, snapshot, []);
        return await builder.ToTextAsync(CancellationToken.None);
    }

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
    [InlineData("ipmi_sel_logs_count 1")]
    [InlineData("ipmi_sel_free_space_bytes 15984")]
    public async Task Write_ServerSnapshot_EmitsIpmiExporterSeries(string expectedLine)
    {
        var text = await RenderAsync(SampleSnapshots.Full());

        Assert.Contains(expectedLine + "\n", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ipmi_sensor_threshold{id=\"1\",name=\"CPU Temp\",type=\"Temperature\",threshold=\"upper_critical\"} 90")]
    [InlineData("ipmi_sensor_state_asserted{id=\"7\",name=\"PSU1 Status\",type=\"Power Supply\",offset=\"1\",state=\"Power Supply Failure detected\"} 1")]
    [InlineData("ipmi_sensor_status{id=\"5\",name=\"PSU1 Power\",type=\"Power Supply\"} 3")]
    [InlineData("ipmi_sensor_info{id=\"1\",name=\"CPU Temp\",type=\"Temperature\",entity=\"processor\",entity_instance=\"1\",unit=\"C\",reading_type=\"threshold\"} 1")]
    [InlineData("ipmi_chassis_intrusion_state 0")]
    public async Task Write_ServerSnapshot_EmitsAdditions(string expectedLine)
    {
        var text = await RenderAsync(SampleSnapshots.Full());

        Assert.Contains(expectedLine + "\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_HelpTexts_MatchIpmiExporter()
    {
        var text = await RenderAsync(SampleSnapshots.Full());

        Assert.Contains("# HELP ipmi_temperature_celsius Temperature reading in degree Celsius.\n", text, StringComparison.Ordinal);
        Assert.Contains("# HELP ipmi_up '1' if a scrape of the IPMI device was successful, '0' otherwise.\n", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE ipmi_fan_speed_rpm gauge\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_SensorVanished_SeriesDisappears()
    {
        var before = SampleSnapshots.Full();
        var after = before with { Sensors = before.Sensors.Where(s => s.Name != "FAN1").ToList() };

        Assert.Contains("name=\"FAN1\"", await RenderAsync(before), StringComparison.Ordinal);
        Assert.DoesNotContain("name=\"FAN1\"", await RenderAsync(after), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_NoDcmiData_EmitsNoDcmiFamily()
    {
        var text = await RenderAsync(SampleSnapshots.Full());

        Assert.DoesNotContain("ipmi_dcmi_power_consumption_watts", text, StringComparison.Ordinal);
    }
}
