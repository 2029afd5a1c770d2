using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Ipmi.Tests.Sdr;

namespace BmcExporter.Ipmi.Tests.Operations;

public sealed class SensorReaderTests
{
    private static SdrSensor Sensor(byte[] vector) => SdrSensors.Expand([SdrDecoder.Decode(vector)])[0];

    private static SdrSensor Sensor(SdrRecord record) => SdrSensors.Expand([record])[0];

    private static Task<SensorReading> Read(FakeBmc bmc, SdrSensor sensor, SensorReadOptions? options = null)
        => SensorReader.ReadAsync(bmc, sensor, options, CancellationToken.None).AsTask();

    [Fact]
    public async Task ReadAsync_ThresholdSensor_LiveThresholdsAndValue()
    {
        var bmc = new FakeBmc();
        bmc.Readings[3] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(200)));
        bmc.Thresholds[3] = (0, GetSensorThresholds.EncodeResponse(new SensorThresholdsData(ThresholdMask.LowerCritical | ThresholdMask.UpperCritical, new RawThresholds(0, 0xB9, 0, 0, 0xD7, 0))));

        var reading = await Read(bmc, Sensor(SdrVectors.Volt12));

        Assert.Equal(12.0, reading.Value);
        Assert.Equal("Volts", reading.Unit);
        Assert.Equal(SensorStatus.Ok, reading.Status);
        Assert.Equal(12.9, reading.Thresholds.UpperCritical!.Value, 10);
        Assert.Equal(11.1, reading.Thresholds.LowerCritical!.Value, 10);
        Assert.Equal(2, bmc.Log.Count);
    }

    [Fact]
    public async Task ReadAsync_ThresholdsCommandFails_FallsBackToSdrValues()
    {
        var bmc = new FakeBmc();
        bmc.Readings[1] = (0, GetSensorReading.EncodeResponse(new SensorReadingData(85, 0xC0, 0x08)));
        bmc.Thresholds[1] = (0xC1, []);

        var reading = await Read(bmc, Sensor(SdrVectors.CpuTemp));

        Assert.Equal(85.0, reading.Value);
        Assert.Equal(SensorStatus.Warning, reading.Status);
        Assert.Equal(new SensorThresholds(null, null, null, 70, 80, 90), reading.Thresholds);
    }

    [Theory]
    [InlineData(0xCB)]
    [InlineData(0xCD)]
    [InlineData(0xC9)]
    [InlineData(0xCC)]
    [InlineData(0xCE)]
    [InlineData(0xD5)]
    [InlineData(0xD3)]
    public async Task ReadAsync_UnavailableCompletionCodes_ReportedUnavailable(byte code)
    {
        var bmc = new FakeBmc();
        bmc.Readings[1] = (code, []);

        var reading = await Read(bmc, Sensor(SdrVectors.CpuTemp));

        Assert.Equal(SensorStatus.Unavailable, reading.Status);
        Assert.Null(reading.Value);
        Assert.True(reading.Readable);
        Assert.StartsWith("reading unavailable", reading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadAsync_DiscreteWithoutStateBytes_NoneAsserted()
    {
        var bmc = new FakeBmc();
        bmc.Readings[4] = (0, [0x00, 0xC0]);

        var reading = await Read(bmc, Sensor(SdrVectors.Psu1Status));

        Assert.Empty(reading.AssertedStates);
        Assert.Equal(SensorStatus.Ok, reading.Status);
        Assert.Single(bmc.Log);
    }

    [Fact]
    public async Task ReadAsync_ForeignOwnerWithoutBridging_NotReadableAndNothingSent()
    {
        var bmc = new FakeBmc();
        var record = (FullSensorRecord)SdrDecoder.Decode(SdrVectors.CpuTemp) with { OwnerId = 0x2C, Channel = 6 };

        var reading = await Read(bmc, Sensor(record));

        Assert.False(reading.Readable);
        Assert.Equal(SensorStatus.Unavailable, reading.Status);
        Assert.Contains("0x2C", reading.Reason, StringComparison.Ordinal);
        Assert.Contains("bridging is disabled", reading.Reason, StringComparison.Ordinal);
        Assert.Empty(bmc.Log);
    }

    [Fact]
    public async Task ReadAsync_ForeignOwnerWithBridging_RequestBridged()
    {
        var bmc = new FakeBmc();
        bmc.Readings[1] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(50)));
        bmc.Thresholds[1] = (0xC1, []);
        var record = (FullSensorRecord)SdrDecoder.Decode(SdrVectors.CpuTemp) with { OwnerId = 0x2C, OwnerLun = 1, Channel = 6 };

        var reading = await Read(bmc, Sensor(record), new SensorReadOptions { BridgeForeignSensors = true });

        Assert.Equal(50.0, reading.Value);
        Assert.All(bmc.Log, r =>
        {
            Assert.Equal((byte)6, r.BridgeChannel);
            Assert.Equal(0x2C, r.TargetAddress);
            Assert.Equal(1, r.TargetLun);
        });
    }

    [Fact]
    public async Task ReadAsync_NonLinearSensor_ReadsFactorsPerReading()
    {
        var bmc = new FakeBmc();
        bmc.Readings[1] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(20)));
        bmc.Factors[1] = (0, GetSensorReadingFactors.EncodeResponse(21, new ReadingFactors(5, 0, -1, 0)));
        bmc.Thresholds[1] = (0xC1, []);
        var record = (FullSensorRecord)SdrDecoder.Decode(SdrVectors.CpuTemp) with { Linearization = 0x70 };

        var reading = await Read(bmc, Sensor(record));

        Assert.Equal(10.0, reading.Value);
        Assert.Equal(1, bmc.Count(NetFn.SensorEvent, GetSensorReadingFactors.Command));
        Assert.Equal(20, bmc.Log.Single(r => r.Command == GetSensorReadingFactors.Command).Data.Span[1]);
    }

    [Fact]
    public async Task ReadAllAsync_SkipsEventOnlyAndReadsTheRest()
    {
        var bmc = new FakeBmc();
        bmc.Readings[1] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(45)));
        bmc.Readings[4] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(0, states: 1)));
        var sensors = SdrSensors.Expand(
        [
            SdrDecoder.Decode(SdrVectors.CpuTemp),
            new EventOnlyRecord { SensorNumber = 9, IdString = "Events" },
            SdrDecoder.Decode(SdrVectors.Psu1Status),
        ]);

        var readings = await SensorReader.ReadAllAsync(bmc, sensors, null, CancellationToken.None);

        Assert.Equal(["CPU Temp", "PSU1 Status"], readings.Select(r => r.Name));
        Assert.Equal(["Presence detected"], readings[1].StateNames);
        var eventOnly = await Read(bmc, sensors[1]);
        Assert.False(eventOnly.Readable);
    }

    [Fact]
    public async Task ReadAsync_WithThresholdCache_ThresholdsReadOnce()
    {
        var bmc = new FakeBmc();
        bmc.Readings[3] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(200)));
        bmc.Thresholds[3] = (0, GetSensorThresholds.EncodeResponse(new SensorThresholdsData(ThresholdMask.UpperCritical, new RawThresholds(0, 0, 0, 0, 0xD7, 0))));
        var options = new SensorReadOptions { ThresholdCache = new SensorThresholdCache() };
        var sensor = Sensor(SdrVectors.Volt12);

        var first = await Read(bmc, sensor, options);
        var second = await Read(bmc, sensor, options);

        Assert.Equal(first.Thresholds, second.Thresholds);
        Assert.Equal(12.9, second.Thresholds.UpperCritical!.Value, 10);
        Assert.Equal(1, bmc.Count(NetFn.SensorEvent, GetSensorThresholds.Command));
        Assert.Equal(2, bmc.Count(NetFn.SensorEvent, GetSensorReading.Command));
        Assert.Equal(1, options.ThresholdCache.Count);
    }

    [Fact]
    public async Task ReadAllAsync_CallerListAndDeadlineMidLoop_KeepsReadingsTakenBeforeIt()
    {
        var bmc = new FakeBmc();
        bmc.Readings[1] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(45)));
        bmc.Readings[4] = (0, GetSensorReading.EncodeResponse(SensorReadingData.Create(0, states: 1)));
        var sensors = SdrSensors.Expand([SdrDecoder.Decode(SdrVectors.CpuTemp), SdrDecoder.Decode(SdrVectors.Psu1Status)]);
        using var deadline = new CancellationTokenSource();
        var channel = new CancelOnSecondReading(bmc, deadline);
        var results = new List<SensorReading>();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => SensorReader.ReadAllAsync(channel, sensors, null, results, deadline.Token));

        Assert.Equal(["CPU Temp"], results.Select(r => r.Name));
        Assert.Equal(45, results[0].Value);
    }

    /// <summary>Lets the first Get Sensor Reading through, then cancels (a scrape deadline in the middle of the loop).</summary>
    private sealed class CancelOnSecondReading(IIpmiChannel inner, CancellationTokenSource deadline) : IIpmiChannel
    {
        private int _readings;

        public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
        {
            if (request.Command == GetSensorReading.Command && ++_readings == 2)
            {
                deadline.Cancel();
            }

            cancellationToken.ThrowIfCancellationRequested();
            return inner.SendAsync(request, cancellationToken);
        }
    }
}
