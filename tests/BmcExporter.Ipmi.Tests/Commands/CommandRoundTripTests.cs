using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;

namespace BmcExporter.Ipmi.Tests.Commands;

public sealed class CommandRoundTripTests
{
    [Fact]
    public void GetDeviceId_DecodeBytes_FieldsAndRoundTrip()
    {
        byte[] data = [0x23, 0x89, 0x09, 0x08, 0x02, 0x9F, 0x57, 0x01, 0x00, 0x91, 0x12, 0x01, 0x02, 0x03, 0x04];

        var info = GetDeviceId.DecodeResponse(data);

        Assert.Equal(0x23, info.DeviceId);
        Assert.True(info.ProvidesDeviceSdrs);
        Assert.Equal(9, info.DeviceRevision);
        Assert.Equal("9.08", info.FirmwareRevision);
        Assert.Equal("2.0", info.IpmiVersionText);
        Assert.Equal(0x157u, info.ManufacturerId);
        Assert.Equal(0x1291, info.ProductId);
        Assert.True(info.SupportsSdrRepository && info.SupportsSel && info.SupportsFru && info.SupportsChassis);
        Assert.Equal(data, GetDeviceId.EncodeResponse(info));
        Assert.Null(GetDeviceId.DecodeResponse(data.AsSpan(0, 11)).AuxiliaryFirmwareRevision);
        AssertTruncationThrows(data.AsSpan(0, 11).ToArray(), d => GetDeviceId.DecodeResponse(d));
    }

    [Fact]
    public void GetChassisStatus_Bits_RoundTrip()
    {
        byte[] data = [0x41, 0x10, 0x05];

        var status = GetChassisStatus.DecodeResponse(data);

        Assert.True(status.PowerOn);
        Assert.Equal(PowerRestorePolicy.AlwaysOn, status.RestorePolicy);
        Assert.True(status.IntrusionActive);
        Assert.True(status.DriveFault);
        Assert.False(status.CoolingFault);
        Assert.Equal(data, GetChassisStatus.EncodeResponse(status));
        AssertTruncationThrows(data, d => GetChassisStatus.DecodeResponse(d));
    }

    [Fact]
    public void RepositoryInfo_RoundTripAndTruncation()
    {
        var info = new RepositoryInfo(0x51, 42, 0xFFFE, 0x12345678, 0x9ABCDEF0, 0x0F);

        var bytes = GetSdrRepositoryInfo.EncodeResponse(info);

        Assert.Equal(info, GetSdrRepositoryInfo.DecodeResponse(bytes));
        Assert.Equal(info, SelCommands.DecodeGetInfoResponse(bytes));
        Assert.True(info.ReserveSupported);
        AssertTruncationThrows(bytes, d => GetSdrRepositoryInfo.DecodeResponse(d));
        var truncated = Assert.Throws<IpmiProtocolException>(() => SelCommands.DecodeGetInfoResponse(bytes[..5]));
        Assert.Contains("SEL addition timestamp", truncated.Message);
    }

    [Fact]
    public void GetSdr_RequestLayout_MainAndDevice()
    {
        var request = new GetRecordRequest(0x1234, 0x0005, 5, 16);

        var main = GetSdr.CreateRequest(request);
        var device = GetSdr.CreateRequest(request, SdrRepositoryKind.Device);

        Assert.Equal(new byte[] { 0x34, 0x12, 0x05, 0x00, 0x05, 0x10 }, main.Data.ToArray());
        Assert.Equal((NetFn.Storage, (byte)0x23), (main.NetFn, main.Command));
        Assert.Equal((NetFn.SensorEvent, (byte)0x21), (device.NetFn, device.Command));
        Assert.Equal(request, GetRecordRequest.Decode(main.Data.Span));
        var response = new GetRecordResponse(0x0007, new byte[] { 1, 2, 3 });
        var decoded = GetRecordResponse.Decode(response.Encode());
        Assert.Equal(7, decoded.NextRecordId);
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Data.ToArray());
        AssertTruncationThrows(new byte[] { 0x34, 0x12, 0x05, 0x00, 0x05, 0x10 }, d => GetRecordRequest.Decode(d));
    }

    [Fact]
    public void Reserve_RequestsAndResponse()
    {
        Assert.Equal((NetFn.Storage, (byte)0x22), (Reserve.CreateSdrRequest().NetFn, Reserve.CreateSdrRequest().Command));
        Assert.Equal((NetFn.SensorEvent, (byte)0x22), (Reserve.CreateSdrRequest(SdrRepositoryKind.Device).NetFn, Reserve.CreateSdrRequest(SdrRepositoryKind.Device).Command));
        Assert.Equal((NetFn.Storage, (byte)0x42), (Reserve.CreateSelRequest().NetFn, Reserve.CreateSelRequest().Command));
        Assert.Equal(0xBEEF, Reserve.DecodeResponse(Reserve.EncodeResponse(0xBEEF)));
        AssertTruncationThrows(Reserve.EncodeResponse(1), d => Reserve.DecodeResponse(d));
    }

    [Fact]
    public void GetDeviceSdrInfo_DynamicAndStatic_RoundTrip()
    {
        var dynamic = new DeviceSdrInfo(12, 0x81, 0xAABBCCDD);
        var fixedInfo = new DeviceSdrInfo(3, 0x01);

        Assert.Equal(dynamic, GetDeviceSdrInfo.DecodeResponse(GetDeviceSdrInfo.EncodeResponse(dynamic)));
        Assert.Equal(fixedInfo, GetDeviceSdrInfo.DecodeResponse(GetDeviceSdrInfo.EncodeResponse(fixedInfo)));
        Assert.True(GetDeviceSdrInfo.DecodeRequest(GetDeviceSdrInfo.CreateRequest().Data.Span));
    }

    [Fact]
    public void GetSensorReading_OptionalStateBytes()
    {
        var full = new SensorReadingData(0x2D, 0xC0, 0x12, 0x80);
        var bare = new SensorReadingData(0x2D, 0x40);

        Assert.Equal(full, GetSensorReading.DecodeResponse(GetSensorReading.EncodeResponse(full)));
        Assert.Equal(bare, GetSensorReading.DecodeResponse(GetSensorReading.EncodeResponse(bare)));
        Assert.Equal(0, bare.DiscreteStates);
        Assert.Equal(0x12, full.DiscreteStates);
        Assert.Equal(7, GetSensorReading.DecodeRequest(GetSensorReading.CreateRequest(7).Data.Span));
        AssertTruncationThrows(new byte[] { 0x2D, 0x40 }, d => GetSensorReading.DecodeResponse(d));
    }

    [Fact]
    public void GetSensorReading_CreateStates_FifteenBits()
    {
        var data = SensorReadingData.Create(0, states: 0x4001);

        Assert.Equal(0x4001, data.DiscreteStates);
        Assert.True(data.ScanningEnabled);
        Assert.False(data.ReadingUnavailable);
    }

    [Fact]
    public void GetSensorThresholds_RoundTrip()
    {
        var data = new SensorThresholdsData(ThresholdMask.All, new RawThresholds(1, 2, 3, 4, 5, 6));

        var bytes = GetSensorThresholds.EncodeResponse(data);

        Assert.Equal(new byte[] { 0x3F, 1, 2, 3, 4, 5, 6 }, bytes);
        Assert.Equal(data, GetSensorThresholds.DecodeResponse(bytes));
        AssertTruncationThrows(bytes, d => GetSensorThresholds.DecodeResponse(d));
    }

    [Fact]
    public void GetSensorReadingFactors_RoundTrip()
    {
        var factors = new ReadingFactors(-7, 300, -2, 1);

        var bytes = GetSensorReadingFactors.EncodeResponse(0x31, factors);
        var (next, decoded) = GetSensorReadingFactors.DecodeResponse(bytes);

        Assert.Equal(0x31, next);
        Assert.Equal(factors, decoded);
        Assert.Equal((5, 200), ((int, int))GetSensorReadingFactors.DecodeRequest(GetSensorReadingFactors.CreateRequest(5, 200).Data.Span));
        AssertTruncationThrows(bytes, d => GetSensorReadingFactors.DecodeResponse(d));
    }

    [Fact]
    public void Dcmi_PowerReadingAndCapabilities_RoundTrip()
    {
        var reading = new DcmiPowerReading(250, 100, 400, 240, 0x5F000000, 1000, 0x40);
        var capabilities = new DcmiCapabilities(1, 5, 2, new byte[] { 0x00, 0x01, 0x00 });

        var readingBytes = Dcmi.EncodePowerReadingResponse(reading);

        Assert.Equal(18, readingBytes.Length);
        Assert.Equal(reading, Dcmi.DecodePowerReadingResponse(readingBytes));
        Assert.True(reading.MeasurementActive);
        var caps = Dcmi.DecodeCapabilitiesResponse(Dcmi.EncodeCapabilitiesResponse(capabilities));
        Assert.True(caps.PowerManagementSupported);
        Assert.Equal((1, 0), ((int, int))Dcmi.DecodePowerReadingRequest(Dcmi.CreatePowerReadingRequest().Data.Span));
        Assert.Throws<IpmiProtocolException>(() => Dcmi.DecodePowerReadingResponse(new byte[] { 0xDD }.Concat(readingBytes[1..]).ToArray()));
        AssertTruncationThrows(readingBytes, d => Dcmi.DecodePowerReadingResponse(d));
    }

    [Fact]
    public void Fru_AreaInfoAndRead_RoundTrip()
    {
        var info = new FruAreaInfo(2048, false);
        var request = new FruReadRequest(0, 0x0100, 32);

        Assert.Equal(info, FruCommands.DecodeAreaInfoResponse(FruCommands.EncodeAreaInfoResponse(info)));
        Assert.Equal(request, FruReadRequest.Decode(FruCommands.CreateReadRequest(request).Data.Span));
        Assert.Equal(new byte[] { 9, 8, 7 }, FruCommands.DecodeReadResponse(FruCommands.EncodeReadResponse(new byte[] { 9, 8, 7 })).ToArray());
        Assert.Throws<IpmiProtocolException>(() => FruCommands.DecodeReadResponse(new byte[] { 4, 1, 2 }));
    }

    [Fact]
    public void SetSessionPrivilegeLevel_RoundTrip()
    {
        var request = SetSessionPrivilegeLevel.CreateRequest(3);

        Assert.Equal(3, SetSessionPrivilegeLevel.DecodeRequest(request.Data.Span));
        Assert.Equal(4, SetSessionPrivilegeLevel.DecodeResponse(SetSessionPrivilegeLevel.EncodeResponse(4)));
        Assert.Throws<IpmiProtocolException>(() => SetSessionPrivilegeLevel.DecodeResponse(ReadOnlySpan<byte>.Empty));
    }

    private delegate object DecodeSpan(ReadOnlySpan<byte> data);

    private static void AssertTruncationThrows(byte[] complete, DecodeSpan decode)
    {
        for (var length = 0; length < complete.Length; length++)
        {
            var prefix = complete.AsSpan(0, length).ToArray();
            Assert.Throws<IpmiProtocolException>(() => decode(prefix));
        }
    }
}
