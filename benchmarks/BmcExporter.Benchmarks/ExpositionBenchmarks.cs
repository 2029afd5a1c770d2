using System.Buffers;
using System.Globalization;
using BenchmarkDotNet.Attributes;
using BmcExporter.Compression;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using Prometheus;

namespace BmcExporter.Benchmarks;

/// <summary>
/// Rendering and serving the fleet page for <see cref="Targets"/> typical-1u BMCs (41 sensors each). Baseline: what
/// <c>/metrics</c> did before rendering once, a fresh prometheus-net registry filled from every snapshot per request.
/// Divide by the series count printed at setup for per-series figures.
/// </summary>
[MemoryDiagnoser]
public class ExpositionBenchmarks
{
    private TargetSnapshot[] _snapshots = [];
    private TargetStatsRegistry _stats = new();
    private IReadOnlyList<RenderedExposition> _rendered = [];
    private byte[][][] _texts = [];
    private readonly DiscardingWriter _sink = new();

    [Params(1000, 10000)]
    public int Targets { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _stats = new TargetStatsRegistry();
        _snapshots = Enumerable.Range(0, Targets).Select(i => BenchData.Snapshot($"10.{i / 256}.{i % 256}.1:623")).ToArray();
        var store = new SnapshotStore();
        var fleet = new FleetView(store, _stats);
        fleet.SetMembers(_snapshots.Select(s => s.Target));
        foreach (var snapshot in _snapshots)
        {
            store.Put(snapshot);
        }

        _rendered = fleet.Capture();
        _texts = _rendered.Select(r => MetricNames.All.Select(f => r.Text(f.Index).ToArray()).ToArray()).ToArray();
        Console.WriteLine($"// {Targets} targets, {_rendered.Sum(r => r.Series)} series, {_rendered.Sum(r => r.TextLength)} bytes text, {_rendered.Sum(r => r.DeflateLength)} bytes deflate");
    }

    /// <summary>Before: a prometheus-net registry built and exported per request.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> PerRequestRegistry()
    {
        var registry = Metrics.NewCustomRegistry();
        var factory = Metrics.WithCustomRegistry(registry);
        var gauges = new Dictionary<string, Gauge>(StringComparer.Ordinal);
        foreach (var s in _snapshots)
        {
            foreach (var r in s.Sensors)
            {
                var (name, value) = r.Kind switch
                {
                    SensorKind.Temperature => ("ipmi_temperature_celsius", r.Value ?? double.NaN),
                    SensorKind.FanSpeed => ("ipmi_fan_speed_rpm", r.Value ?? double.NaN),
                    SensorKind.Voltage => ("ipmi_voltage_volts", r.Value ?? double.NaN),
                    SensorKind.Power => ("ipmi_power_watts", r.Value ?? double.NaN),
                    SensorKind.Current => ("ipmi_current_amperes", r.Value ?? double.NaN),
                    _ => ("ipmi_sensor_value", r.Value ?? double.NaN),
                };
                if (!gauges.TryGetValue(name, out var gauge))
                {
                    gauges[name] = gauge = factory.CreateGauge(name, "help", "target", "site", "id", "name");
                }

                gauge.WithLabels(s.Target, "lab", r.RecordId.ToString(CultureInfo.InvariantCulture), r.Name).Set(value);
                if (!gauges.TryGetValue(name + "_state", out var state))
                {
                    gauges[name + "_state"] = state = factory.CreateGauge(name + "_state", "help", "target", "site", "id", "name");
                }

                state.WithLabels(s.Target, "lab", r.RecordId.ToString(CultureInfo.InvariantCulture), r.Name).Set(0);
            }
        }

        using var stream = new MemoryStream();
        await registry.CollectAndExportAsTextAsync(stream);
        return stream.Length;
    }

    /// <summary>After, per request: the text, decompressed from the cached pieces (plain requests are the rare case).</summary>
    [Benchmark]
    public long ServePlain() => Serve(gzip: false);

    /// <summary>After, per request: copying the cached deflate pieces, combining their CRC-32s.</summary>
    [Benchmark]
    public long ServeGzip() => Serve(gzip: true);

    /// <summary>After, per scrape of every target: rendering each snapshot once (text and deflate pieces).</summary>
    [Benchmark]
    public int RenderAll()
    {
        var series = 0;
        foreach (var s in _snapshots)
        {
            series += TargetRenderer.Render(s, _stats.For(s.Target), RenderVariant.Fleet).Series;
        }

        return series;
    }

    /// <summary>The same without compression and self-health families (the /ipmi rendering).</summary>
    [Benchmark]
    public int RenderAllIpmi()
    {
        var series = 0;
        foreach (var s in _snapshots)
        {
            series += TargetRenderer.Render(s, _stats.For(s.Target), RenderVariant.Ipmi).Series;
        }

        return series;
    }

    /// <summary>Only the compression part of <see cref="RenderAll"/>: every family piece of every target.</summary>
    [Benchmark]
    public long CompressAll()
    {
        var output = new ArrayBufferWriter<byte>(1 << 16);
        var deflater = DeflatePieces.ForThread;
        long total = 0;
        foreach (var pieces in _texts)
        {
            output.ResetWrittenCount();
            foreach (var piece in pieces)
            {
                deflater.Compress(piece, output);
            }

            total += output.WrittenCount;
        }

        return total;
    }

    private long Serve(bool gzip)
    {
        _sink.Reset();
        ExpositionBody.Fleet(_rendered, ReadOnlyMemory<byte>.Empty, BmcExporter.Output.Prometheus.ExpositionFormat.Text, gzip).WriteTo(_sink);
        return _sink.Written;
    }

    /// <summary>Counts bytes written into one reused buffer (the network is not what is measured).</summary>
    private sealed class DiscardingWriter : IBufferWriter<byte>
    {
        private readonly byte[] _buffer = new byte[1 << 20];

        public long Written { get; private set; }

        public void Reset() => Written = 0;

        public void Advance(int count) => Written += count;

        public Memory<byte> GetMemory(int sizeHint = 0) => _buffer;

        public Span<byte> GetSpan(int sizeHint = 0) => _buffer;
    }
}

/// <summary>A typical-1u snapshot: 41 sensors (temperatures, fans, voltages, currents, power, discrete).</summary>
internal static class BenchData
{
    public static TargetSnapshot Snapshot(string target) => new()
    {
        Target = target,
        Module = "default",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["site"] = "lab" },
        StartedAt = DateTimeOffset.UnixEpoch.AddDays(20_000),
        Duration = TimeSpan.FromMilliseconds(42),
        Outcome = ScrapeOutcome.Success,
        Collectors = new[] { "ipmi", "bmc", "chassis", "sel", "dcmi", "fru" }.Select(c => new CollectorOutcome(c, true, null, TimeSpan.FromMilliseconds(3))).ToList(),
        Sensors = Sensors(),
        Bmc = new BmcInfo { FirmwareRevision = "1.23", Manufacturer = "Acme (4753)", ManufacturerId = 4753 },
        Chassis = new ChassisSample { PowerOn = true },
        Power = new DcmiPowerSample { CurrentWatts = 230, MinimumWatts = 200, MaximumWatts = 260, AverageWatts = 228, Period = TimeSpan.FromSeconds(60) },
        Sel = new SelSummary { Entries = 12, FreeSpaceBytes = 16000 },
        Fru = [new FruSample { Name = "Builtin FRU Device", BoardManufacturer = "Acme", BoardProduct = "X1", BoardSerial = "S123" }],
    };

    private static List<SensorReading> Sensors()
    {
        var list = new List<SensorReading>();
        void Add(string name, byte unit, byte type, double? value)
        {
            var units = SensorUnits.Create(unit);
            list.Add(new SensorReading
            {
                RecordId = (ushort)(list.Count + 1),
                SensorNumber = (byte)(list.Count + 1),
                Name = name,
                SensorTypeCode = type,
                EventReadingType = 0x01,
                Units = units,
                Kind = SensorKinds.Classify(units, type),
                Value = value,
                Status = SensorStatus.Ok,
                IsThresholdBased = true,
                Thresholds = new SensorThresholds(null, 5, 10, 80, 90, 100),
            });
        }

        for (var i = 0; i < 10; i++)
        {
            Add($"Temp {i}", 1, 0x01, 30 + i);
        }

        for (var i = 0; i < 8; i++)
        {
            Add($"FAN{i}", 18, 0x04, 6000 + (i * 120));
        }

        for (var i = 0; i < 12; i++)
        {
            Add($"Volt {i}", 4, 0x02, 1.1 + (i * 0.5));
        }

        for (var i = 0; i < 4; i++)
        {
            Add($"PSU{i} Current", 5, 0x03, 1.5 + i);
            Add($"PSU{i} Power", 6, 0x08, 180 + i);
        }

        for (var i = 0; i < 3; i++)
        {
            list.Add(new SensorReading
            {
                RecordId = (ushort)(list.Count + 1),
                SensorNumber = (byte)(list.Count + 1),
                Name = $"PSU{i} Status",
                SensorTypeCode = 0x08,
                EventReadingType = 0x6F,
                Status = SensorStatus.Ok,
                AssertedStates = [0],
                StateNames = ["Presence detected"],
            });
        }

        return list;
    }
}
