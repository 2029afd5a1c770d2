using System.Diagnostics;
using System.Globalization;
using BmcExporter.Redfish;

// Scrapes N simulated Redfish BMCs (ports P..P+N-1 on 127.0.0.1) with one RedfishSession + RedfishReader each, the
// way the exporter will: one cold scrape (login, discovery, static resources), then ROUNDS steady scrapes of every
// BMC with at most PARALLEL BMCs at once. Prints GETs, CPU and allocations per steady scrape per BMC, and memory.
// Usage: RedfishSweep BMCS PORT_BASE USER PASSWORD_FILE CA_FILE ROUNDS PARALLEL [expand|noexpand]
if (args.Length < 7)
{
    Console.Error.WriteLine("usage: RedfishSweep BMCS PORT_BASE USER PASSWORD_FILE CA_FILE ROUNDS PARALLEL [expand|noexpand]");
    return 2;
}

var bmcs = int.Parse(args[0], CultureInfo.InvariantCulture);
var portBase = int.Parse(args[1], CultureInfo.InvariantCulture);
var password = RedfishSecret.FromString(File.ReadLines(args[3]).First());
var rounds = int.Parse(args[5], CultureInfo.InvariantCulture);
var parallel = int.Parse(args[6], CultureInfo.InvariantCulture);
var expand = args.Length < 8 || args[7] != "noexpand";
var readers = Enumerable.Range(0, bmcs).Select(i => new RedfishReader(RedfishSession.Create(new RedfishClientOptions
{
    BaseUri = new Uri($"https://127.0.0.1:{portBase + i}"),
    UserName = args[2],
    Password = password,
    CaFile = args[4],
    UseExpand = expand,
    MaxRequestsInFlight = 4,
}))).ToArray();

using var gate = new SemaphoreSlim(parallel);
var failures = 0;
var sensors = 0L;

async Task<TimeSpan> RoundAsync(bool inventory)
{
    var watch = Stopwatch.StartNew();
    await Task.WhenAll(readers.Select(async r =>
    {
        await gate.WaitAsync();
        try
        {
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            if (inventory)
            {
                await r.ReadInventoryAsync(deadline.Token);
            }

            var readings = await r.ReadReadingsAsync(deadline.Token);
            Interlocked.Add(ref sensors, readings.Sensors.Length);
        }
        catch (Exception ex) when (ex is OperationCanceledException or BmcExporter.Redfish.Errors.RedfishException)
        {
            Interlocked.Increment(ref failures);
            Console.Error.WriteLine(ex.Message);
        }
        finally
        {
            gate.Release();
        }
    }));
    return watch.Elapsed;
}

var process = Process.GetCurrentProcess();
var cold = await RoundAsync(inventory: true);
Console.WriteLine($"cold scrape (login, discovery, inventory, readings) of {bmcs} BMCs: {cold.TotalSeconds:0.00} s, GETs {readers.Sum(r => r.Session.Statistics.Gets)}, failures {failures}");

GC.Collect();
var getsBefore = readers.Sum(r => r.Session.Statistics.Gets);
var notModifiedBefore = readers.Sum(r => r.Session.Statistics.NotModified);
process.Refresh();
var cpuBefore = process.TotalProcessorTime;
var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
sensors = 0;
var wall = TimeSpan.Zero;
for (var i = 0; i < rounds; i++)
{
    wall += await RoundAsync(inventory: true);
}

process.Refresh();
var scrapes = (double)bmcs * rounds;
var gets = readers.Sum(r => r.Session.Statistics.Gets) - getsBefore;
Console.WriteLine(FormattableString.Invariant($"steady: {rounds} rounds x {bmcs} BMCs, parallel {parallel}, $expand {(expand ? "on" : "off")}, failures {failures}"));
Console.WriteLine(FormattableString.Invariant($"  GETs per steady scrape per BMC: {gets / scrapes:0.00} (304: {(readers.Sum(r => r.Session.Statistics.NotModified) - notModifiedBefore) / scrapes:0.00}), sensors per scrape {sensors / scrapes:0.0}"));
Console.WriteLine(FormattableString.Invariant($"  client CPU per steady scrape per BMC: {(process.TotalProcessorTime - cpuBefore).TotalMilliseconds / scrapes:0.00} ms; wall per round {wall.TotalSeconds / rounds:0.00} s"));
Console.WriteLine(FormattableString.Invariant($"  allocated per steady scrape per BMC: {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / scrapes / 1024:0.0} KiB"));
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
Console.WriteLine(FormattableString.Invariant($"  client managed heap after GC: {GC.GetTotalMemory(false) / 1048576.0:0.0} MiB ({GC.GetTotalMemory(false) / 1024.0 / bmcs:0.0} KiB per BMC), working set {process.WorkingSet64 / 1048576.0:0.0} MiB, peak {process.PeakWorkingSet64 / 1048576.0:0.0} MiB"));
foreach (var r in readers)
{
    await r.Session.DisposeAsync();
}

return failures == 0 ? 0 : 1;
