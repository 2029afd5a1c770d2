using System.Text;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Parsing;

namespace BmcExporter.Redfish.Tests.Parsing;

/// <summary>The system power of one chassis: the legacy Power resource's system PowerControl member or members, or EnvironmentMetrics PowerWatts.</summary>
public sealed class PowerParserTests
{
    private const string Uri = "/redfish/v1/Chassis/1/Power";
    private const string Chassis = "/redfish/v1/Chassis/1";

    private static JsonView Parse(string json, string uri = Uri) =>
        DocumentParser.Parse(Encoding.UTF8.GetBytes(json), new ResourceContext("bmc", uri));

    [Fact]
    public void SystemPowerControl_WithPowerMetrics_EveryFigureAndIntervalInSeconds()
    {
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/0","MemberId":"0","Name":"System Input Power",
              "PowerConsumedWatts":344,"PowerMetrics":{"IntervalInMin":30,"MinConsumedWatts":271,"MaxConsumedWatts":489,"AverageConsumedWatts":319}}]}
            """), Uri, Chassis);

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
        var power = PowerParser.SystemPowerControl(Parse("""{"PowerControl":[{"MemberId":"7","PowerConsumedWatts":120.5}]}"""), Uri, Chassis);

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
            """), Uri, Chassis);

        Assert.Equal("Server Power", power!.Name);
        Assert.Equal(250, power.ConsumedWatts);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("""{"PowerControl":[]}""")]
    [InlineData("""{"PowerControl":[{"PhysicalContext":"CPU","PowerConsumedWatts":90},{"PhysicalContext":"Memory","PowerConsumedWatts":30}]}""")]
    [InlineData("""{"PowerControl":[{"PowerConsumedWatts":90,"RelatedItem":[{"@odata.id":"/redfish/v1/Systems/1/Processors/CPU0"}]}]}""")]
    [InlineData("""{"PowerControl":[{"PhysicalContext":"PowerSupply","PowerConsumedWatts":300,"Status":{"State":"Absent"}}]}""")]
    public void SystemPowerControl_NoSystemMember_Null(string json)
    {
        Assert.Null(PowerParser.SystemPowerControl(Parse(json), Uri, Chassis));
    }

    [Fact]
    public void SystemPowerControl_NullReading_MemberWithoutValue()
    {
        var power = PowerParser.SystemPowerControl(Parse("""{"PowerControl":[{"Name":"System","PowerConsumedWatts":null,"PowerMetrics":{"IntervalInMin":0}}]}"""), Uri, Chassis);

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
        var ex = Assert.Throws<BmcExporter.Redfish.Errors.RedfishProtocolException>(() => PowerParser.SystemPowerControl(Parse(json), Uri, Chassis));
        Assert.Contains(property, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SystemPowerControl_OnePowerSupplyMember_ItIsTheSystemTotalWithItsStatistics()
    {
        // Cisco CIMC's shape: one PowerControl member, PhysicalContext PowerSupply, that is the whole input power.
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/1","MemberId":"1","PhysicalContext":"PowerSupply",
              "PowerConsumedWatts":324,"PowerMetrics":{"AverageConsumedWatts":349,"MaxConsumedWatts":495,"MinConsumedWatts":186}}]}
            """), Uri, Chassis);

        Assert.Equal(new RedfishSystemPower("/redfish/v1/Chassis/1/Power#/PowerControl/1", "/redfish/v1/Chassis/1/Power#/PowerControl/1", 324, 186, 495, 349, null), power);
    }

    [Fact]
    public void SystemPowerControl_PowerSupplyGroups_CurrentAndAverageSummedMinMaxLeftOut()
    {
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[
              {"MemberId":"0","Name":"PSU group A","PhysicalContext":"PowerSupply","PowerConsumedWatts":180,
               "PowerMetrics":{"IntervalInMin":5,"MinConsumedWatts":150,"MaxConsumedWatts":260,"AverageConsumedWatts":170}},
              {"MemberId":"1","Name":"CPU","PhysicalContext":"CPU","PowerConsumedWatts":95},
              {"MemberId":"2","Name":"PSU group B","PhysicalContext":"PowerSupply","PowerConsumedWatts":164.5,
               "PowerMetrics":{"IntervalInMin":5,"MinConsumedWatts":120,"MaxConsumedWatts":229,"AverageConsumedWatts":149}}]}
            """), Uri, Chassis);

        Assert.NotNull(power);
        Assert.Equal(344.5, power.ConsumedWatts); // the CPU member is inside that total: not added
        Assert.Equal(319, power.AverageConsumedWatts);
        Assert.Equal(TimeSpan.FromMinutes(5), power.Interval);
        Assert.Null(power.MinConsumedWatts); // the parts peak at different times: a sum of minima is no minimum
        Assert.Null(power.MaxConsumedWatts);
        Assert.Equal(Uri + "#/PowerControl/0,2", power.Source);
        Assert.Equal("PSU group A + PSU group B", power.Name);
    }

    [Fact]
    public void SystemPowerControl_PowerDomainsWithoutContext_SummedBeforePowerSupplyMembers()
    {
        // Two domains split the system; the PSU members measure the same watts on the input side: one of the two sums only.
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"MemberId":"0","Name":"Domain 1","PowerConsumedWatts":200},
                             {"MemberId":"1","Name":"Domain 2","PowerConsumedWatts":144},
                             {"MemberId":"2","Name":"PS1 Input","PhysicalContext":"PowerSupply","PowerConsumedWatts":190},
                             {"MemberId":"3","Name":"PS2 Input","PhysicalContext":"PowerSupply","PowerConsumedWatts":190},
                             {"MemberId":"4","Name":"DIMMs","PhysicalContext":"Memory","PowerConsumedWatts":40}]}
            """), Uri, Chassis);

        Assert.Equal(344, power!.ConsumedWatts);
        Assert.Null(power.AverageConsumedWatts);
        Assert.Null(power.Interval);
    }

    [Fact]
    public void SystemPowerControl_WholeMemberBesideDomains_WholeMemberAloneNeverAdded()
    {
        // The DMTF mockups' shape (no PhysicalContext, RelatedItem = the system and this chassis) among domain members.
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"MemberId":"0","Name":"Domain 1","PowerConsumedWatts":200},
                             {"MemberId":"1","Name":"System Input Power","PowerConsumedWatts":344,
                              "RelatedItem":[{"@odata.id":"/redfish/v1/Systems/1"},{"@odata.id":"/redfish/v1/Chassis/1"}]},
                             {"MemberId":"2","Name":"Domain 2","PowerConsumedWatts":144}]}
            """), Uri, Chassis);

        Assert.Equal("System Input Power", power!.Name);
        Assert.Equal(344, power.ConsumedWatts);
    }

    [Fact]
    public void SystemPowerControl_OneMemberPerNode_SumOfOneMemberPerSystem()
    {
        // A chassis holding two nodes: one member per ComputerSystem; a second member naming node A is not added again.
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"MemberId":"0","Name":"Node A","PowerConsumedWatts":300,"RelatedItem":[{"@odata.id":"/redfish/v1/Systems/A"}]},
                             {"MemberId":"1","Name":"Node B","PowerConsumedWatts":250,"RelatedItem":[{"@odata.id":"/redfish/v1/Systems/B/"}]},
                             {"MemberId":"2","Name":"Node A again","PowerConsumedWatts":300,"RelatedItem":[{"@odata.id":"/redfish/v1/Systems/A"}]},
                             {"MemberId":"3","Name":"Node A CPU","PowerConsumedWatts":90,"RelatedItem":[{"@odata.id":"/redfish/v1/Systems/A/Processors/CPU0"}]}]}
            """), Uri, Chassis);

        Assert.Equal(550, power!.ConsumedWatts);
        Assert.Equal("Node A + Node B", power.Name);
    }

    [Fact]
    public void SystemPowerControl_OneSystemNamedByOneMember_ThatMemberWithStatistics()
    {
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"MemberId":"0","Name":"CPU0","PowerConsumedWatts":90,"RelatedItem":[{"@odata.id":"/redfish/v1/Systems/1/Processors/CPU0"}]},
                             {"MemberId":"1","Name":"Server","PowerConsumedWatts":310,"PowerMetrics":{"MaxConsumedWatts":400},
                              "RelatedItem":[{"@odata.id":"/redfish/v1/Systems/1"}]},
                             {"MemberId":"2","Name":"Unmarked","PowerConsumedWatts":12}]}
            """), Uri, Chassis);

        Assert.Equal("Server", power!.Name);
        Assert.Equal(400, power.MaxConsumedWatts);
    }

    [Fact]
    public void SystemPowerControl_DuplicateAndAbsentMembers_CountedOnceAbsentLeftOut()
    {
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/0","PhysicalContext":"PowerSupply","PowerConsumedWatts":170},
                             {"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/0","PhysicalContext":"PowerSupply","PowerConsumedWatts":170},
                             {"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/1","PhysicalContext":"PowerSupply","PowerConsumedWatts":150},
                             {"@odata.id":"/redfish/v1/Chassis/1/Power#/PowerControl/2","PhysicalContext":"PowerSupply","PowerConsumedWatts":null,
                              "Status":{"State":"Absent"}}]}
            """), Uri, Chassis);

        Assert.Equal(320, power!.ConsumedWatts);
    }

    [Fact]
    public void SystemPowerControl_SumWithAPartWithoutReading_MeasurementInactive()
    {
        // A total missing one part would be too small: unknown, not smaller.
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"MemberId":"0","PowerConsumedWatts":200,"PowerMetrics":{"IntervalInMin":1,"AverageConsumedWatts":190}},
                             {"MemberId":"1","PowerConsumedWatts":null,"PowerMetrics":{"IntervalInMin":1,"AverageConsumedWatts":100}}]}
            """), Uri, Chassis);

        Assert.NotNull(power);
        Assert.Null(power.ConsumedWatts);
        Assert.Equal(290, power.AverageConsumedWatts);
    }

    [Fact]
    public void SystemPowerControl_SumOverDifferentIntervals_NoAverage()
    {
        var power = PowerParser.SystemPowerControl(Parse("""
            {"PowerControl":[{"MemberId":"0","PowerConsumedWatts":200,"PowerMetrics":{"IntervalInMin":1,"AverageConsumedWatts":190}},
                             {"MemberId":"1","PowerConsumedWatts":100,"PowerMetrics":{"IntervalInMin":30,"AverageConsumedWatts":100}}]}
            """), Uri, Chassis);

        Assert.Equal(300, power!.ConsumedWatts);
        Assert.Null(power.AverageConsumedWatts);
        Assert.Null(power.Interval);
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
