using System.Diagnostics;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Framing;
using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Simulator.Tests.Faults;

/// <summary>Each fault is measured on the wire: rates within statistical bounds (5 sigma), timings and states observed.</summary>
public sealed class FaultInjectionTests
{
    private static IReadOnlyList<FaultRule> Faults(string yaml) => FaultLoader.Parse(yaml, "test faults");

    private static (double Low, double High) Bounds(int n, double p)
    {
        var sigma = Math.Sqrt(n * p * (1 - p));
        return ((n * p) - (5 * sigma), (n * p) + (5 * sigma));
    }

    [Fact]
    public async Task Loss_ThirtyPercent_DropsThatShareOfRequests()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { loss: 0.3 } ]"));
        using var probe = new Probe(fleet.Endpoints[0]);
        var replies = await probe.SendManyAsync(1000);
        var (low, high) = Bounds(1000, 0.3);
        Assert.InRange(1000 - replies.Count, low, high);
        Assert.Equal(1000 - replies.Count, fleet.Statistics.Dropped);
    }

    [Fact]
    public async Task Duplicate_QuarterOfReplies_AreSentTwice()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { duplicate: 0.25 } ]"));
        using var probe = new Probe(fleet.Endpoints[0]);
        var replies = await probe.SendManyAsync(600);
        var (low, high) = Bounds(600, 0.25);
        Assert.InRange(replies.Count - 600, low, high);
    }

    [Fact]
    public async Task Reorder_HeldReplies_ArriveAfterLaterOnes()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { reorder: 0.3 } ]"));
        using var probe = new Probe(fleet.Endpoints[0]);
        var replies = await probe.SendManyAsync(200, batch: 20, quiet: TimeSpan.FromMilliseconds(400));
        Assert.Equal(200, replies.Count); // nothing lost, only reordered
        var sequences = replies.Select(r => IpmiLanMessage.ParseResponse(RmcpDatagram.Parse(r).Payload).Header.Sequence).ToList();
        var inversions = sequences.Zip(sequences.Skip(1)).Count(p => p.Second < p.First && p.First - p.Second < 20);
        Assert.True(inversions > 10, $"expected reordered replies, saw {inversions} inversions");
        Assert.True(fleet.Statistics.Reordered > 10);
    }

    [Fact]
    public async Task TruncateAndCorrupt_DamageReplies()
    {
        var clean = await CleanReplyAsync();
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { bmcs: '0', truncate: 1.0 }, { bmcs: '1', corrupt: 0.4 } ]"), count: 2);
        using var truncated = new Probe(fleet.Endpoints[0]);
        var short1 = await truncated.SendManyAsync(100);
        Assert.Equal(100, short1.Count);
        Assert.All(short1, r => Assert.True(r.Length < clean.Length));
        Assert.All(short1, r => Assert.ThrowsAny<IpmiProtocolException>(() => IpmiLanMessage.ParseResponse(RmcpDatagram.Parse(r).Payload)));

        using var corrupted = new Probe(fleet.Endpoints[1]);
        var replies = await corrupted.SendManyAsync(500);
        var damaged = replies.Count(r => !SameExceptSequence(r, clean));
        var (low, high) = Bounds(500, 0.4);
        Assert.InRange(damaged, low, high);
    }

    [Fact]
    public async Task Latency_FixedAndJitter_DelaysReplies()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { latencyMs: 120, jitterMs: 60 } ]"));
        using var probe = new Probe(fleet.Endpoints[0]);
        var times = new List<double>();
        for (var i = 0; i < 8; i++)
        {
            // One request at a time, waiting for its own reply: a loaded machine can only make it later.
            var elapsed = await probe.RoundTripAsync((byte)i, TimeSpan.FromSeconds(10));
            Assert.True(elapsed.HasValue, $"no reply to request {i} within 10 s");
            times.Add(elapsed.Value.TotalMilliseconds);
        }

        // Never faster than the fixed latency: the fault is really applied.
        Assert.All(times, t => Assert.True(t >= 110, $"reply after {t:0.0} ms, before the 120 ms fixed latency"));
        Assert.True(times.Max() - times.Min() > 1, "jitter should vary the delay");
    }

    [Fact]
    public async Task NodeBusy_HalfTheCommands_Answer0xC0()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { nodeBusy: 0.5 } ]"));
        await using var session = await ClientTests_Open(fleet);
        var busy = 0;
        for (var i = 0; i < 300; i++)
        {
            var response = await session.SendAsync(new IpmiRequest(NetFn.App, 0x01, ReadOnlyMemory<byte>.Empty), CancellationToken.None);
            busy += response.CompletionCode == 0xC0 ? 1 : 0;
        }

        var (low, high) = Bounds(300, 0.5);
        Assert.InRange(busy, low, high);
    }

    [Fact]
    public async Task WrongAuthCode_Always_FailsLogin()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { wrongAuthCode: 1.0 } ]"));
        await Assert.ThrowsAsync<IpmiAuthenticationException>(async () => await ClientTests_Open(fleet));
        Assert.True(fleet.Statistics.WrongAuthCodes >= 1);
    }

    [Fact]
    public async Task WrongIntegrity_Always_LoginWorksSensorRepliesAreDropped()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { wrongIntegrity: 1.0 } ]"));
        await using var session = await ClientTests_Open(fleet);

        Assert.Equal("3.07", (await session.GetDeviceIdAsync(CancellationToken.None)).FirmwareRevision);
        await Assert.ThrowsAnyAsync<IpmiException>(async () =>
            await session.SendAsync(new IpmiRequest(NetFn.SensorEvent, 0x2D, new byte[] { 0x01 }), CancellationToken.None));
        Assert.True(fleet.Statistics.WrongAuthCodes >= 1);
    }

    [Fact]
    public async Task ExhaustSessions_OpenSession_RefusedWithInsufficientResources()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { exhaustSessions: true } ]"));
        await Assert.ThrowsAnyAsync<IpmiException>(async () => await ClientTests_Open(fleet));
        Assert.True(fleet.Statistics.SessionsRejected >= 1);
        Assert.Equal(0, fleet.Statistics.SessionsOpened);
    }

    [Fact]
    public async Task SlowSdr_GetSdr_TakesLongerThanOtherCommands()
    {
        await using var fleet = await TestFleet.StartAsync(faults: Faults("faults: [ { slowSdrMs: 300 } ]"));
        await using var session = await ClientTests_Open(fleet, timeout: TimeSpan.FromSeconds(2));
        // The fastest of three Get Device IDs: one slow answer on a loaded machine must not hide the difference.
        var deviceId = TimeSpan.MaxValue;
        var sw = new Stopwatch();
        for (var i = 0; i < 3; i++)
        {
            sw.Restart();
            await session.GetDeviceIdAsync(CancellationToken.None);
            deviceId = sw.Elapsed < deviceId ? sw.Elapsed : deviceId;
        }

        sw.Restart();
        var r = await session.SendAsync(new IpmiRequest(NetFn.Storage, 0x23, new byte[] { 0, 0, 0, 0, 0, 0xFF }), CancellationToken.None);
        Assert.Equal(0, r.CompletionCode);
        var sdr = sw.Elapsed;
        Assert.True(sdr >= TimeSpan.FromMilliseconds(290), $"Get SDR took {sdr.TotalMilliseconds} ms");
        Assert.True(sdr > deviceId, $"Get SDR ({sdr.TotalMilliseconds} ms) should be slower than Get Device ID ({deviceId.TotalMilliseconds} ms)");
    }

    // Byte 18 is rqSeq and the last byte its checksum; everything else of a clean reply is identical.
    private static bool SameExceptSequence(byte[] reply, byte[] clean) =>
        reply.Length == clean.Length && reply.AsSpan(0, 18).SequenceEqual(clean.AsSpan(0, 18))
        && reply.AsSpan(19, reply.Length - 20).SequenceEqual(clean.AsSpan(19, clean.Length - 20)) && ChecksumsValid(reply);

    private static bool ChecksumsValid(byte[] reply)
    {
        try
        {
            IpmiLanMessage.ParseResponse(RmcpDatagram.Parse(reply).Payload);
            return true;
        }
        catch (IpmiProtocolException)
        {
            return false;
        }
    }

    private static async Task<byte[]> CleanReplyAsync()
    {
        await using var fleet = await TestFleet.StartAsync();
        using var probe = new Probe(fleet.Endpoints[0]);
        return (await probe.SendManyAsync(1))[0];
    }

    internal static ValueTask<IpmiSession> ClientTests_Open(SimulatedFleet fleet, TimeSpan? timeout = null) =>
        IpmiSession.OpenAsync(
            new IpmiSessionOptions
            {
                Host = "127.0.0.1",
                Port = fleet.Endpoints[0].Port,
                UserName = "reader",
                Password = IpmiSecret.FromString("reader-pass"),
                RequestTimeout = timeout ?? TimeSpan.FromMilliseconds(400),
                Retries = 1,
            },
            CancellationToken.None);
}
