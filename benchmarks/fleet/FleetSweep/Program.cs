using System.Diagnostics;
using System.Globalization;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Crypto;

// Sweeps Get Device ID across a simulated fleet (bmc-exporter simulate) on 127.0.0.1:BASE..BASE+N-1:
//   phase 1: open an RMCP+ session to every BMC (cipher suite 17) and read its device ID (cold sweep),
//   phase 2: Get Device ID again over the open sessions (warm sweep),
//   then close every session. Usage: FleetSweep BMCS PORT_BASE USER PASSWORD_FILE [CONCURRENCY]
if (args.Length < 4)
{
    Console.Error.WriteLine("usage: FleetSweep BMCS PORT_BASE USER PASSWORD_FILE [CONCURRENCY]");
    return 2;
}

var count = int.Parse(args[0], CultureInfo.InvariantCulture);
var portBase = int.Parse(args[1], CultureInfo.InvariantCulture);
var user = args[2];
var password = File.ReadLines(args[3]).First();
var concurrency = args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 256;

await using var multiplexer = new UdpMultiplexer();
var sessions = new IpmiSession?[count];
var failures = 0;
using var gate = new SemaphoreSlim(concurrency);

async Task ForAllAsync(Func<int, Task> action)
{
    var tasks = new Task[count];
    for (var i = 0; i < count; i++)
    {
        await gate.WaitAsync().ConfigureAwait(false);
        var index = i;
        tasks[i] = Task.Run(async () =>
        {
            try
            {
                await action(index).ConfigureAwait(false);
            }
            catch (IpmiException ex)
            {
                if (Interlocked.Increment(ref failures) <= 5)
                {
                    Console.Error.WriteLine($"BMC {index}: {ex.Message}");
                }
            }
            finally
            {
                gate.Release();
            }
        });
    }

    await Task.WhenAll(tasks).ConfigureAwait(false);
}

var sw = Stopwatch.StartNew();
await ForAllAsync(async i =>
{
    var session = await IpmiSession.OpenAsync(
        new IpmiSessionOptions
        {
            Host = "127.0.0.1",
            Port = portBase + i,
            UserName = user,
            Password = IpmiSecret.FromString(password),
            CipherSuites = [17],
            RequestTimeout = TimeSpan.FromSeconds(2),
            Retries = 3,
            KeepaliveInterval = TimeSpan.FromMinutes(10),
        },
        multiplexer,
        CancellationToken.None).ConfigureAwait(false);
    sessions[i] = session;
    await session.GetDeviceIdAsync(CancellationToken.None).ConfigureAwait(false);
}).ConfigureAwait(false);
var cold = sw.Elapsed;
Console.WriteLine($"cold sweep (open session + Get Device ID): {count} BMCs in {cold.TotalSeconds:F2} s ({count / cold.TotalSeconds:F0}/s), failures {failures}, client sockets {multiplexer.SocketCount}");

failures = 0;
sw.Restart();
await ForAllAsync(async i =>
{
    if (sessions[i] is { } s)
    {
        await s.GetDeviceIdAsync(CancellationToken.None).ConfigureAwait(false);
    }
}).ConfigureAwait(false);
var warm = sw.Elapsed;
Console.WriteLine($"warm sweep (Get Device ID on open sessions): {count} BMCs in {warm.TotalSeconds:F2} s ({count / warm.TotalSeconds:F0}/s), failures {failures}");

if (args.Length > 5 && File.Exists(args[5]) is false)
{
    // A marker file path: the driver script samples the simulator's memory while all sessions are open.
    await File.WriteAllTextAsync(args[5], "sessions open").ConfigureAwait(false);
    await Task.Delay(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
}

sw.Restart();
await ForAllAsync(async i =>
{
    if (sessions[i] is { } s)
    {
        await s.DisposeAsync().ConfigureAwait(false);
    }
}).ConfigureAwait(false);
Console.WriteLine($"closed {count} sessions in {sw.Elapsed.TotalSeconds:F2} s");
return 0;
