using System.Text;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Parsing;
using BmcExporter.Redfish.Tests.Mockups;

namespace BmcExporter.Redfish.Tests.Parsing;

/// <summary>The resource parsers on hand-written documents and on the mockups' legacy Thermal/Power files.</summary>
public sealed class ParserTests
{
    private static JsonView Parse(string json, string uri = "/redfish/v1/x") =>
        DocumentParser.Parse(Encoding.UTF8.GetBytes(json), new ResourceContext("bmc", uri));

    [Theory]
    [InlineData("{}", null)]
    [InlineData("{\"PhysicalSecurity\":null}", null)]
    [InlineData("{\"PhysicalSecurity\":{\"IntrusionSensorReArm\":\"Manual\"}}", null)]
    [InlineData("{\"PhysicalSecurity\":{\"IntrusionSensor\":\"Normal\"}}", RedfishIntrusionSensor.Normal)]
    [InlineData("{\"PhysicalSecurity\":{\"IntrusionSensor\":\"HardwareIntrusion\"}}", RedfishIntrusionSensor.HardwareIntrusion)]
    [InlineData("{\"PhysicalSecurity\":{\"IntrusionSensor\":\"TamperingDetected\"}}", RedfishIntrusionSensor.TamperingDetected)]
    [InlineData("{\"PhysicalSecurity\":{\"IntrusionSensor\":\"SomethingNew\"}}", null)]
    public void Intrusion_PhysicalSecurity_SchemaValueOrNull(string chassis, RedfishIntrusionSensor? expected)
    {
        Assert.Equal(expected, CommonParser.Intrusion(Parse(chassis)));
    }

    [Theory]
    [InlineData("{\"PhysicalSecurity\":\"Normal\"}")]
    [InlineData("{\"PhysicalSecurity\":{\"IntrusionSensor\":1}}")]
    public void Intrusion_WrongJsonType_ProtocolExceptionNamingThePath(string chassis)
    {
        var ex = Assert.Throws<BmcExporter.Redfish.Errors.RedfishProtocolException>(() => CommonParser.Intrusion(Parse(chassis, "/redfish/v1/Chassis/1")));
        Assert.Contains("PhysicalSecurity", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Temperature", "Cel", false, null, RedfishSensorKind.Temperature)]
    [InlineData(null, "Cel", false, null, RedfishSensorKind.Temperature)]
    [InlineData("Rotational", "RPM", false, null, RedfishSensorKind.Fan)]
    [InlineData(null, "RPM", false, null, RedfishSensorKind.Fan)]
    [InlineData("Percent", "%", true, null, RedfishSensorKind.Fan)]
    [InlineData("Percent", "%", false, "Fan", RedfishSensorKind.Fan)]
    [InlineData("Percent", "%", false, "Battery", RedfishSensorKind.Percent)]
    [InlineData("Voltage", "V", false, null, RedfishSensorKind.Voltage)]
    [InlineData("Current", "A", false, null, RedfishSensorKind.Current)]
    [InlineData("Power", "W", false, null, RedfishSensorKind.Power)]
    [InlineData("EnergykWh", "kW.h", false, null, RedfishSensorKind.Energy)]
    [InlineData("Frequency", "Hz", false, null, RedfishSensorKind.Frequency)]
    [InlineData("Humidity", "%", false, null, RedfishSensorKind.Humidity)]
    [InlineData("SomethingNew", "X", false, null, RedfishSensorKind.Other)]
    [InlineData(null, null, false, null, RedfishSensorKind.Other)]
    public void SensorParse_ReadingTypeUnitsContext_Kind(string? readingType, string? units, bool speedRpm, string? context, RedfishSensorKind expected)
    {
        var props = new List<string> { "\"Id\":\"S\"", "\"Reading\":1.5" };
        if (readingType is not null)
        {
            props.Add($"\"ReadingType\":\"{readingType}\"");
        }

        if (units is not null)
        {
            props.Add($"\"ReadingUnits\":\"{units}\"");
        }

        if (speedRpm)
        {
            props.Add("\"SpeedRPM\":1200");
        }

        if (context is not null)
        {
            props.Add($"\"PhysicalContext\":\"{context}\"");
        }

        var reading = SensorParser.Parse(Parse("{" + string.Join(',', props) + "}"), "/redfish/v1/Chassis/1/Sensors/S", "1");
        Assert.Equal(expected, reading.Kind);
        Assert.Equal(units, reading.Unit);
        Assert.Equal(1.5, reading.Value);
    }

    [Fact]
    public void SensorParse_ThresholdsStatusAndNulls_AsGiven()
    {
        const string json = """
            {"@odata.id":"/redfish/v1/Chassis/1/Sensors/T","Id":"T","Name":"Inlet","Reading":null,"ReadingUnits":"Cel",
             "Status":{"State":"UnavailableOffline","Health":"Warning","HealthRollup":"Critical"},
             "Thresholds":{"LowerCaution":{"Reading":5},"LowerCritical":{"Reading":3},"LowerFatal":{"Reading":null},
                           "UpperCaution":{"Reading":38.5},"UpperCritical":{"Reading":42},"UpperFatal":{"Reading":47},
                           "UpperCautionUser":{"Reading":30}},
             "Oem":{"Vendor":{"Anything":[1,2,3]}}}
            """;
        var r = SensorParser.Parse(Parse(json), "/ignored", "1");
        Assert.Equal("/redfish/v1/Chassis/1/Sensors/T", r.Id);
        Assert.Equal("Inlet", r.Name);
        Assert.Null(r.Value);
        Assert.Equal(new RedfishThresholds(5, 3, null, 38.5, 42, 47), r.Thresholds);
        Assert.Equal(new RedfishStatus(RedfishHealth.Warning, RedfishHealth.Critical, RedfishState.UnavailableOffline), r.Status);
    }

    [Theory]
    [InlineData("\"Degraded\"", RedfishState.Degraded)]
    [InlineData("\"Unknown\"", RedfishState.Unknown)]
    [InlineData("\"NotAState\"", RedfishState.Unknown)]
    [InlineData("null", RedfishState.Unknown)]
    public void Status_UnknownOrNullEnum_ToleratedAsUnknown(string state, RedfishState expected)
    {
        var status = CommonParser.Status(Parse($"{{\"Status\":{{\"State\":{state},\"Health\":\"Bogus\"}}}}"));
        Assert.Equal(expected, status.State);
        Assert.Equal(RedfishHealth.Unknown, status.Health);
    }

    [Theory]
    [InlineData("public-rackmount1", "1U")]
    [InlineData("public-tower", "Tower")]
    public void LegacyParse_MockupThermalAndPower_EveryValueOfTheFiles(string mockup, string chassis)
    {
        var tree = new MockupTree(Paths.Mockup(mockup));
        var thermalUri = $"/redfish/v1/Chassis/{chassis}/Thermal";
        var powerUri = $"/redfish/v1/Chassis/{chassis}/Power";
        var thermal = LegacyParser.Thermal(Parse(tree[thermalUri].GetRawText(), thermalUri), thermalUri, chassis).ToList();
        var power = LegacyParser.Power(Parse(tree[powerUri].GetRawText(), powerUri), powerUri, chassis).ToList();

        void Expect(List<RedfishSensorReading> got, string uri, string array, string property, RedfishSensorKind kind)
        {
            var items = tree[uri].TryGetProperty(array, out var a) ? a.EnumerateArray().ToList() : [];
            foreach (var item in items)
            {
                var r = Assert.Single(got, x => x.Id == item.GetProperty("@odata.id").GetString());
                Assert.Equal(kind, r.Kind);
                Assert.Equal(MockupTree.Num(item, property), r.Value);
                Assert.Equal(MockupTree.Num(item, "UpperThresholdCritical"), r.Thresholds.UpperCritical);
                Assert.Equal(MockupTree.Health(item), r.Status.Health.ToString());
            }
        }

        Expect(thermal, thermalUri, "Temperatures", "ReadingCelsius", RedfishSensorKind.Temperature);
        Expect(thermal, thermalUri, "Fans", "Reading", RedfishSensorKind.Fan);
        Expect(power, powerUri, "Voltages", "ReadingVolts", RedfishSensorKind.Voltage);
        Expect(power, powerUri, "PowerControl", "PowerConsumedWatts", RedfishSensorKind.Power);
        Assert.NotEmpty(thermal);
        Assert.NotEmpty(power);

        var psus = LegacyParser.PowerSupplies(Parse(tree[powerUri].GetRawText(), powerUri), powerUri).ToList();
        foreach (var item in tree[powerUri].GetProperty("PowerSupplies").EnumerateArray())
        {
            var p = Assert.Single(psus, x => x.Id == item.GetProperty("@odata.id").GetString());
            Assert.Equal(MockupTree.Health(item), p.Status.Health.ToString());
            if (MockupTree.Num(item, "LastPowerOutputWatts") is { } watts)
            {
                Assert.Equal(watts, Assert.Single(power, x => x.Id == p.Id + "/LastPowerOutputWatts").Value);
            }
        }
    }

    [Fact]
    public void LegacyParse_MembersWithoutODataId_StableIdsFromMemberId()
    {
        const string json = """{"Temperatures":[{"MemberId":"7","Name":"A","ReadingCelsius":20},{"Name":"B","ReadingCelsius":21}],"Fans":[{"FanName":"Old fan","Reading":3000}]}""";
        var got = LegacyParser.Thermal(Parse(json), "/redfish/v1/Chassis/1/Thermal", "1").ToList();
        Assert.Equal(["/redfish/v1/Chassis/1/Thermal#/Temperatures/7", "/redfish/v1/Chassis/1/Thermal#/Temperatures/1", "/redfish/v1/Chassis/1/Thermal#/Fans/0"], got.Select(r => r.Id));
        Assert.Equal("Old fan", got[2].Name);
        Assert.Equal("RPM", got[2].Unit);
    }

    [Fact]
    public void LogEntryParse_BadCreated_ProtocolException()
    {
        var ex = Assert.Throws<Errors.RedfishProtocolException>(() => LogEntryParser.Parse(Parse("""{"Id":"1","Created":"yesterday"}"""), "/e/1"));
        Assert.Contains("Created", ex.Message, StringComparison.Ordinal);
    }
}
