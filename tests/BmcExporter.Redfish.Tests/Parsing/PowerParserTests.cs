using System.Text;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Parsing;

namespace BmcExporter.Redfish.Tests.Parsing;

/// <summary>The system power of one chassis: the legacy Power resource's system PowerControl member, or EnvironmentMetrics PowerWatts.</summary>
public sealed class PowerParserTests
{
    private const string Uri = "/redfish/v1/Chassis/1/Power";

    private static JsonView Parse(string json, string uri = Uri) =>
        DocumentParser.Parse(Encoding.UTF8.GetBytes(json), new ResourceContext("bmc", uri));

    [Fact]
    public void SystemPowerControl_WithPowerMetrics_EveryFigureAndIntervalInSeconds()
    {
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/0","MemberId":"0","Name":"System Input Power",
              "PowerConsumedWatts":344,"PowerMetrics":{"IntervalInMin":30,"MinConsumedWatts":271,"MaxConsumedWatts":489,"AverageConsumedWatts":319}}]}
            """), Uri);

        Assert.NotNull(power);
        Assert.Equal("/redfish/v1/Chassis/1/Power#/PowerControl/0", power.Source);
        Assert.Equal("System Input Power", power.Name);
        Assert.Equal(344, power.ConsumedWatts);
        Assert.Equal(271, power.MinConsumedWatts);
        Assert.Equal(489, power.MaxConsumedWatts);
        Assert.Equal(319, power.AverageConsumedWatts);
        Assert.Equal(TimeSpan.FromMinutes(30), power.Interval);
    }

    [Fact]
    public void SystemPowerControl_WithoutPowerMetrics_StatisticsNull()
    {
        var power = PowerParser.SystemPowerControl(Parse("""{"PowerControl":[{"MemberId":"7","PowerConsumedWatts":120.5}]}"""), Uri);

        Assert.NotNull(power);
        Assert.Equal(Uri + "#/PowerControl/7", power.Source);
        Assert.Equal(120.5, power.ConsumedWatts);
        Assert.Null(power.MinConsumedWatts);
        Assert.Null(power.MaxConsumedWatts);
        Assert.Null(power.AverageConsumedWatts);
        Assert.Null(power.Interval);
    }

    [Fact]
    public void SystemPowerControl_ComponentMembersFirst_SkipsThemForTheChassisMember()
    {
        // Services that split the draw (CPU, memory…) mark those members with a PhysicalContext; the system one has none or Chassis.
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"Name":"CPU Power","PhysicalContext":"CPU","PowerConsumedWatts":90},
                             {"Name":"Memory Power","PhysicalContext":"Memory","PowerConsumedWatts":30},
                             {"Name":"Server Power","PhysicalContext":"Chassis","PowerConsumedWatts":250},
                             {"Name":"Other","PowerConsumedWatts":999}]}
            """), Uri);

        Assert.Equal("Server Power", power!.Name);
        Assert.Equal(250, power.ConsumedWatts);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"PowerControl":[]}""")]
    [InlineData("""{"PowerControl":[{"PhysicalContext":"PowerSupply","PowerConsumedWatts":300}]}""")]
    public void SystemPowerControl_NoSystemMember_Null(string json)
    {
        Assert.Null(PowerParser.SystemPowerControl(Parse(json), Uri));
    }

    [Fact]
    public void SystemPowerControl_NullReading_MemberWithoutValue()
    {
        var power = PowerParser.SystemPowerControl(Parse("""{"PowerControl":[{"Name":"System","PowerConsumedWatts":null,"PowerMetrics":{"IntervalInMin":0}}]}"""), Uri);

        Assert.NotNull(power);
        Assert.Null(power.ConsumedWatts);
        Assert.Null(power.Interval); // IntervalInMin 0 is no window
    }

    [Theory]
    [InlineData("""{"PowerControl":[{"PowerConsumedWatts":"344"}]}""", "PowerConsumedWatts")]
    [InlineData("""{"PowerControl":[{"PowerMetrics":{"MinConsumedWatts":true}}]}""", "MinConsumedWatts")]
    [InlineData("""{"PowerControl":{"PowerConsumedWatts":1}}""", "PowerControl")]
    public void SystemPowerControl_WrongJsonType_ProtocolExceptionNamingThePath(string json, string property)
    {
        var ex = Assert.Throws<BmcExporter.Redfish.Errors.RedfishProtocolException>(() => PowerParser.SystemPowerControl(Parse(json), Uri));
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnvironmentPower_PowerWatts_ReadingOnly()
    {
        const string env = "/redfish/v1/Chassis/1U/EnvironmentMetrics";
        var power = PowerParser.EnvironmentPower(Parse("""{"PowerWatts":{"Reading":374,"DataSourceUri":"/redfish/v1/Chassis/1U/Sensors/TotalPower"}}""", env), env);

        Assert.NotNull(power);
        Assert.Equal(env + "#/PowerWatts", power.Source);
        Assert.Equal(374, power.ConsumedWatts);
        Assert.Null(power.MinConsumedWatts);
        Assert.Null(power.Interval);
    }

    [Fact]
    public void EnvironmentPower_NoPowerWatts_Null()
    {
        Assert.Null(PowerParser.EnvironmentPower(Parse("""{"TemperatureCelsius":{"Reading":39}}"""), "/redfish/v1/Chassis/1/EnvironmentMetrics"));
    }
}
