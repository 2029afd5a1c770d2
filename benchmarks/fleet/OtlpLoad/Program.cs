// The OTLP output alone at fleet scale, without BMCs or scrapes: N snapshots shaped like the simulator's
// typical-1u profile (41 sensors, DCMI, chassis) are published (encoded + compressed once each) and exported in
// rounds to an OTLP receiver (benchmarks/fleet/OtlpSink). Prints the process CPU per publish round and per export
// round, the bytes held for the next export, and the managed heap and RSS added by the OTLP state per BMC.
// Usage: dotnet OtlpLoad.dll BMCS ENDPOINT [grpc|http/protobuf] [BATCH] [ROUNDS]
using System.Diagnostics;
using BmcExporter.Config;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Otlp;
using BmcExporter.Snapshots;

var bmcs = int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture);
var endpoint = new Uri(args[1]);
var protocol = args.Length > 2 && args[2] == "http/protobuf" ? OtlpProtocol.HttpProtobuf : OtlpProtocol.Grpc;
var batch = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 1000;
var rounds = args.Length > 4 ? int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture) : 3;
var config = new OtlpConfig { Enabled = true, Endpoint = endpoint, Protocol = protocol, BatchSize = batch, Interval = TimeSpan.FromSeconds(60) };
var process = Process.GetCurrentProcess();

var snapshots = Enumerable.Range(0, bmcs).Select(i => Snapshot(i, DateTimeOffset.UtcNow)).ToArray();
Settle();
var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
var rssBefore = Rss();
await using var output = new OtlpOutput(config, null, TimeProvider.System);
for (var round = 1; round <= rounds; round++)
{
    var stamp = DateTimeOffset.UtcNow;
    var cpu = process.TotalProcessorTime;
    var wall = Stopwatch.StartNew();
    foreach (var s in snapshots)
    {
        output.Publish(s with { StartedAt = stamp });
    }

    var publishCpu = Cpu() - cpu;
    var publishWall = wall.Elapsed;
    Settle();
    var heapHeld = GC.GetTotalMemory(forceFullCollection: true) - heapBefore;
    var rssHeld = Rss() - rssBefore;
    cpu = process.TotalProcessorTime;
    wall.Restart();
    var accepted = await output.ExportMetricsAsync(CancellationToken.None);
    var exportCpu = Cpu() - cpu;
    Console.WriteLine(
        $"round {round}: {bmcs} BMCs publish cpu {publishCpu.TotalMilliseconds:0} ms (wall {publishWall.TotalMilliseconds:0} ms, " +
        $"{publishCpu.TotalMicroseconds / bmcs:0.0} us/BMC); held before export: managed +{heapHeld / 1024.0 / bmcs:0.0} KiB/BMC, RSS +{rssHeld / 1024.0 / bmcs:0.0} KiB/BMC; " +
        $"export {accepted} requests cpu {exportCpu.TotalMilliseconds:0} ms wall {wall.Elapsed.TotalMilliseconds:0} ms");
}

Console.WriteLine($"OTLP CPU per 60 s interval at {bmcs} BMCs (publish + export, last round) is the sum above; share of one core = sum / 60 s");
return 0;

TimeSpan Cpu()
{
    process.Refresh();
    return process.TotalProcessorTime;
}

static void Settle()
{
    GC.Collect();
    GC.WaitForPendingFinalizers();
    GC.Collect();
}

static long Rss()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture) * 1024;
        }
    }

    return 0;
}

static TargetSnapshot Snapshot(int i, DateTimeOffset at)
{
    var sensors = new List<SensorReading>();
    ushort id = 1;
    void Add(string name, byte type, byte unit, double value, int count, SensorThresholds thresholds, byte entity)
    {
        for (var n = 1; n <= count; n++)
        {
            var units = new SensorUnits(0, unit, 0);
            sensors.Add(new SensorReading
            {
                RecordId = id,
                SensorNumber = (byte)id,
                Name = count > 1 ? $"{name}{n}" : name,
                SensorTypeCode = type,
                Units = units,
                Kind = SensorKinds.Classify(units, type),
                Value = value + n,
                Status = SensorStatus.Ok,
                Thresholds = thresholds,
                EntityId = entity,
                EntityInstance = (byte)n,
                IsThresholdBased = true,
            });
            id++;
        }
    }

    Add("Temp ", 0x01, 1, 40, 7, new SensorThresholds(null, 3, 5, 80, 90, 100), 0x03);
    Add("FAN", 0x04, 18, 6000, 6, new SensorThresholds(300, 600, 900, null, null, null), 0x1D);
    Add("Volt ", 0x02, 4, 12, 10, new SensorThresholds(null, 10.8, 11.4, 12.6, 13.2, null), 0x07);
    Add("PS Power ", 0x08, 6, 200, 2, default, 0x0A);
    Add("Current ", 0x03, 5, 2, 2, default, 0x0A);
    for (var d = 0; d < 14; d++)
    {
        sensors.Add(new SensorReading { RecordId = id, SensorNumber = (byte)id, Name = $"Discrete {d}", SensorTypeCode = 0x0D, Status = SensorStatus.Ok });
        id++;
    }

    return new TargetSnapshot
    {
        Target = $"10.{i / 65536 % 256}.{i / 256 % 256}.{i % 256}:623",
        Module = "default",
        Labels = new Dictionary<string, string>(StringComparer.Ordinal) { ["rack"] = $"r{i / 40}" },
        StartedAt = at,
        Outcome = ScrapeOutcome.Success,
        Sensors = sensors,
        Power = new DcmiPowerSample { CurrentWatts = 250 },
        Chassis = new ChassisSample { PowerOn = true },
    };
}
