namespace BmcExporter.Tests.Packaging;

/// <summary>The metric-name reader the packaging checks rely on.</summary>
[Trait("Category", "Packaging")]
public sealed class PromQlTests
{
    [Theory]
    [InlineData("ipmi_up", "ipmi_up")]
    [InlineData("max without (collector) (ipmi_up{job=\"bmc\"}) == 0", "ipmi_up")]
    [InlineData("sum by (target, severity) (increase(ipmi_sel_events_total{severity=~\"crit.*\"}[10m] offset 1h))", "ipmi_sel_events_total")]
    [InlineData("ipmi_temperature_celsius >= ignoring (type, threshold) ipmi_sensor_threshold{threshold=\"upper_critical\"} - 5e0", "ipmi_temperature_celsius ipmi_sensor_threshold")]
    [InlineData("count(x > 0) or vector(0)", "x")]
    [InlineData("a unless on (instance) b and bool c", "a b c")]
    [InlineData("rate(m_total{target=\"$target\"}[$__rate_interval]) * 0x10", "m_total")]
    [InlineData("bmc:ipmi_sel_free:ratio < 0.1", "bmc:ipmi_sel_free:ratio")]
    [InlineData("count({__name__=~\"ipmi_(temperature|fan_speed)_state\", job=\"x\"} >= 2)", "ipmi_temperature_state ipmi_fan_speed_state")]
    public void MetricNamesIn_Expression_ReturnsSelectedNames(string expr, string expected)
    {
        Assert.Equal(expected.Split(' ').Order(StringComparer.Ordinal), PromQl.MetricNamesIn(expr).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("rate(x{target=~\"$target\"}[$__rate_interval])", "rate(x{target=~\"x\"}[5m])")]
    [InlineData("increase(x{job=~\"${job}\"}[$__range])", "increase(x{job=~\"x\"}[5m])")]
    public void SubstituteGrafanaVariables_PanelQuery_BecomesParseable(string expr, string expected)
    {
        Assert.Equal(expected, PromQl.SubstituteGrafanaVariables(expr));
    }

    [Fact]
    public void ExportedNames_ReadFromMetricNames_HoldCompatibleAndExtraFamilies()
    {
        Assert.Contains("ipmi_up", PromQl.ExportedNames);
        Assert.Contains("ipmi_dcmi_power_consumption_watts", PromQl.ExportedNames);
        Assert.Contains("ipmi_sensor_state_asserted", PromQl.ExportedNames);
        Assert.Contains("bmc_exporter_circuit_state", PromQl.ExportedNames);
        Assert.DoesNotContain("ipmi_made_up_family", PromQl.ExportedNames);
    }
}
