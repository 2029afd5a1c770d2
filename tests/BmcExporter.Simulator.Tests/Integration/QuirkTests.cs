using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Tests.Integration;

/// <summary>
/// Each vendor quirk is produced on the wire and our client copes with it the way the matching FreeIPMI workaround
/// does (reference §5.1): the SDR walk, sensor reads and SEL walk still return what the profile defines.
/// </summary>
public sealed class QuirkTests
{
    private static SimProfile WithQuirk(string quirk) =>
        ProfileLoader.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Profiles", "test-bmc.yaml")) + $"\nquirks: [{quirk}]\n",
            $"test-bmc+{quirk}");

    /// <summary>test-bmc with "Rear Temp" (31 °C) the BMC owns on LUN 1, number 0x01 like "Inlet Temp" (24 °C) on LUN 0.</summary>
    private static SimProfile WithLun1Sensor(string quirks) =>
        ProfileLoader.Parse(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Profiles", "test-bmc.yaml")).Replace(
                "sensors:\n",
                "sensors:\n  - name: Rear Temp\n    number: 0x01\n    lun: 1\n    type: temperature\n    unit: degreesC\n    entity: 0x07\n    behaviour: { base: 31 }\n",
                StringComparison.Ordinal) + $"\nquirks: [{quirks}]\n",
            $"test-bmc+lun1+{quirks}");

    private static ValueTask<IpmiSession> OpenAsync(SimulatedFleet fleet, bool verifyChecksums = true, bool queryCipherSuites = false) =>
        IpmiSession.OpenAsync(
            new IpmiSessionOptions
            {
                Host = "127.0.0.1",
                Port = fleet.Endpoints[0].Port,
                UserName = "reader",
                Password = IpmiSecret.FromString("reader-pass"),
                RequestTimeout = TimeSpan.FromMilliseconds(400),
                Retries = 1,
                VerifyChecksums = verifyChecksums,
                QueryCipherSuites = queryCipherSuites,
            },
            CancellationToken.None);

    [Theory]
    [InlineData("authcap")]
    [InlineData("supermicro20")]
    [InlineData("sun20")]
    [InlineData("opensesspriv")]
    [InlineData("sdrpadded")]
    [InlineData("sdrwrongrecordid")]
    [InlineData("sdrreserveunsupported")]
    [InlineData("assumemaxsdrrecordcount")]
    [InlineData("nostatebytes")]
    [InlineData("shortsdrread")]
    [InlineData("sequenceskip")]
    [InlineData("noclosereply")]
    public async Task Client_WithQuirk_StillReadsTheProfile(string quirk)
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk(quirk));
        await using var session = await OpenAsync(fleet);
        var sdr = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        var readings = await SensorReader.ReadAllAsync(session, sdr.Sensors, null, CancellationToken.None);
        var byName = readings.GroupBy(r => r.Name).ToDictionary(g => g.Key, g => g.First());
        Assert.Equal(24.0, byName["Inlet Temp"].Value);
        Assert.Equal(12.06, byName["12V"].Value!.Value, 3);
        Assert.Equal(9, sdr.Sensors.Count); // 5 full, 2 shared PSUs, Drive, Event Log
        var sel = await SelReader.ReadAsync(session, null, null, CancellationToken.None);
        Assert.Equal(2, sel.Records.Count);
    }

    [Fact]
    public async Task NoChecksumCheck_BadChecksums_RejectedUnlessVerificationIsOff()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("nochecksumcheck"));
        await Assert.ThrowsAnyAsync<IpmiException>(async () =>
        {
            await using var strict = await OpenAsync(fleet);
            await strict.GetDeviceIdAsync(CancellationToken.None);
        });
        await using var lenient = await OpenAsync(fleet, verifyChecksums: false);
        Assert.Equal("3.07", (await lenient.GetDeviceIdAsync(CancellationToken.None)).FirmwareRevision);
    }

    [Fact]
    public async Task SdrLastRecordTimeout_LastRecordAnswers0xC3_WalkEndsWithoutIt()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("sdrlastrecordtimeout"));
        await using var session = await OpenAsync(fleet);
        var last = await session.SendAsync(new IpmiRequest(NetFn.Storage, 0x23, new byte[] { 0, 0, 0xFF, 0xFF, 0, 0xFF }), CancellationToken.None);
        Assert.Equal((byte)CompletionCode.Timeout, last.CompletionCode);
        var sdr = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);
        Assert.Contains(sdr.Sensors, s => s.Name == "Inlet Temp");
    }

    [Fact]
    public async Task NoPreSessionCipherList_QueryIsIgnored_LoginStillWorks()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("nopresessioncipherlist"));
        await using var session = await OpenAsync(fleet, queryCipherSuites: true);
        Assert.Equal("3.07", (await session.GetDeviceIdAsync(CancellationToken.None)).FirmwareRevision);
    }

    [Fact]
    public async Task SelReserveOperator_UserReservation_Refused0xD4_WalkStillWorks()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("selreserveoperator"));
        await using var session = await OpenAsync(fleet);
        var reserve = await session.SendAsync(new IpmiRequest(NetFn.Storage, 0x42, ReadOnlyMemory<byte>.Empty), CancellationToken.None);
        Assert.Equal((byte)CompletionCode.InsufficientPrivilege, reserve.CompletionCode);
        Assert.Equal(2, (await SelReader.ReadAsync(session, null, null, CancellationToken.None)).Records.Count);
    }

    [Fact]
    public async Task AssumeSystemEvent_RecordTypeIsInvalid_OnTheWire()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("assumesystemevent"));
        await using var session = await OpenAsync(fleet);
        var entry = await session.SendAsync(new IpmiRequest(NetFn.Storage, 0x43, new byte[] { 0, 0, 0, 0, 0, 0xFF }), CancellationToken.None);
        Assert.Equal(0, entry.CompletionCode);
        Assert.Equal(0x00, entry.Data.Span[2 + 2]); // record type byte of the first entry
    }

    [Fact]
    public async Task Intel20_OnlyIntelplusClientsLogIn()
    {
        Assert.True(ExternalTool.Exists("ipmitool"), "ipmitool must be installed");
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("intel20"));
        string[] Args(params string[] oem) =>
            ["-I", "lanplus", .. oem, "-H", "127.0.0.1", "-p", fleet.Endpoints[0].Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "-U", "reader", "-P", "reader-pass", "-L", "USER", "-C", "3", "-R", "1", "-N", "1", "mc", "info"];
        var intel = await ExternalTool.RunAsync("ipmitool", Args("-o", "intelplus"));
        Assert.Equal(0, intel.ExitCode);
        Assert.Contains("Firmware Revision         : 3.07", intel.Output, StringComparison.Ordinal);
        var plain = await ExternalTool.RunAsync("ipmitool", Args());
        Assert.NotEqual(0, plain.ExitCode);
        Assert.True(fleet.Statistics.SessionsRejected >= 1); // RAKP 3 with the name-only bit fails verification
    }

    [Fact]
    public async Task IgnoreScanningDisabled_ValidReadingFlaggedDisabled()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithQuirk("ignorescanningdisabled"));
        await using var session = await OpenAsync(fleet);
        var reading = await session.SendAsync(new IpmiRequest(NetFn.SensorEvent, 0x2D, new byte[] { 0x01 }), CancellationToken.None);
        Assert.Equal(24, reading.Data.Span[0]);
        Assert.Equal(0, reading.Data.Span[1] & 0x40);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task SendMessage_ToItsOwnLun1_AnswersUnlessAltbridgingQuirk(bool quirk)
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithLun1Sensor(quirk ? "altbridging" : ""));
        await using var session = await OpenAsync(fleet);

        // Send Message to the BMC's own address, LUN 1, on the primary IPMB: FreeIPMI's usual way to reach the sensor.
        var bridged = await session.SendAsync(GetSensorReading.CreateRequest(0x01, IpmiAddresses.Bmc, 1, bridgeChannel: 0), CancellationToken.None);
        // The same request with LUN 1 in its own header: what altbridging (and ipmitool) do.
        var direct = await session.SendAsync(GetSensorReading.CreateRequest(0x01, IpmiAddresses.Bmc, 1), CancellationToken.None);
        var lun0 = await session.SendAsync(GetSensorReading.CreateRequest(0x01), CancellationToken.None);

        Assert.Equal(31, direct.EnsureOk(NetFn.SensorEvent, GetSensorReading.Command).Data.Span[0]);
        Assert.Equal(24, lun0.EnsureOk(NetFn.SensorEvent, GetSensorReading.Command).Data.Span[0]);
        Assert.Equal(1, fleet.Statistics.SendMessages);
        if (quirk)
        {
            Assert.Equal(0x83, bridged.CompletionCode); // NAK on write (IPMI v2.0 §22.7)
            Assert.Equal(1, fleet.Statistics.BridgeRefused);
        }
        else
        {
            Assert.Equal(31, bridged.EnsureOk(NetFn.SensorEvent, GetSensorReading.Command).Data.Span[0]);
            Assert.Equal(0, fleet.Statistics.BridgeRefused);
        }
    }

    [Fact]
    public async Task SendMessage_ToAnotherController_IsNaked()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithLun1Sensor(""));
        await using var session = await OpenAsync(fleet);

        var bridged = await session.SendAsync(GetSensorReading.CreateRequest(0x01, 0x2C, 0, bridgeChannel: 0), CancellationToken.None);

        Assert.Equal(0x83, bridged.CompletionCode);
    }

    [Fact]
    public async Task SensorReader_Lun1SensorOnAltbridgingBmc_ReadThroughTheHeaderWithoutSendMessage()
    {
        await using var fleet = await TestFleet.StartAsync(profile: WithLun1Sensor("altbridging"));
        await using var session = await OpenAsync(fleet);
        var sdr = await SdrRepositoryReader.ReadAsync(session, null, CancellationToken.None);

        // Bridging of other controllers' sensors is on, as FreeIPMI's --bridge-sensors: a BMC LUN 1 sensor still is not bridged.
        var readings = await SensorReader.ReadAllAsync(session, sdr.Sensors, SensorReadOptions.Default with { BridgeForeignSensors = true }, CancellationToken.None);

        Assert.Equal(31.0, readings.Single(r => r.Name == "Rear Temp").Value);
        Assert.Equal(24.0, readings.Single(r => r.Name == "Inlet Temp").Value);
        Assert.Equal(0, fleet.Statistics.SendMessages);
    }
}
