using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Sessions;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using BmcExporter.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Fru;

/// <summary>
/// One simulated BMC of the gpu-dense profile (FRU 0, FRU 1 and 2 with their own data, FRU 3 listed but not present)
/// and a session to it, through a channel that counts FRU commands per device and can answer chosen ones itself.
/// </summary>
internal sealed class FruScrape : IAsyncDisposable
{
    private FruScrape(SimulatedFleet fleet, IpmiSession session, ScrapeTarget target)
    {
        Fleet = fleet;
        Session = session;
        Target = target;
        Channel = new FruCountingChannel(session);
    }

    public SimulatedFleet Fleet { get; }

    public IpmiSession Session { get; }

    public ScrapeTarget Target { get; }

    public FruCountingChannel Channel { get; }

    public TargetStateStore State { get; } = new(null, NullLogger.Instance);

    public static async Task<FruScrape> StartAsync(string profile, params CollectorKind[] collectors)
    {
        var (fleet, target) = await OneSimulatedBmc.StartAsync(profile, collectors);
        var session = await IpmiSession.OpenAsync(IpmiSessionFactory.CreateOptions(target, TimeProvider.System), CancellationToken.None);
        return new FruScrape(fleet, session, target);
    }

    /// <summary>Runs <paramref name="collector"/> once; the snapshot and the exception it threw, if any.</summary>
    public async Task<(TargetSnapshot Snapshot, Exception? Error)> RunAsync(IScrapeCollector collector, TimeProvider? time = null)
    {
        var builder = new SnapshotBuilder(Target.Address, "default", new Dictionary<string, string>(), [CollectorLabels.Of(collector.Kind)], TimeProvider.System);
        var context = new CollectContext
        {
            Target = Target,
            Channel = Channel,
            Builder = builder,
            State = State,
            Stats = new TargetStats(),
            Time = time ?? TimeProvider.System,
            Logger = NullLogger.Instance,
        };
        Exception? error = null;
        try
        {
            await collector.CollectAsync(context, CancellationToken.None);
        }
        catch (Exception ex) when (ex is CollectorPartialException or CollectorUnsupportedException)
        {
            error = ex;
        }

        return (builder.Build("test"), error);
    }

    public async ValueTask DisposeAsync()
    {
        await Session.DisposeAsync();
        await Fleet.DisposeAsync();
    }
}

/// <summary>Counts Get FRU Inventory Area Info per FRU ID and answers chosen FRU IDs' Read FRU Data with a completion code.</summary>
internal sealed class FruCountingChannel(IIpmiChannel inner) : IIpmiChannel
{
    private readonly Dictionary<byte, int> _areaInfo = [];

    /// <summary>FRU IDs whose Read FRU Data (IPMI v2.0 §34.2) is answered with this code instead of the BMC's answer.</summary>
    public Dictionary<byte, byte> FailRead { get; } = [];

    /// <summary>When set, every FRU command is answered with this code.</summary>
    public byte? FailAll { get; set; }

    public int AreaInfoRequests(byte fruId) => _areaInfo.GetValueOrDefault(fruId);

    public int TotalAreaInfoRequests => _areaInfo.Values.Sum();

    public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        if (request.NetFn == NetFn.Storage && request.Command is 0x10 or 0x11)
        {
            var fruId = request.Data.Span[0];
            if (request.Command == 0x10)
            {
                _areaInfo[fruId] = AreaInfoRequests(fruId) + 1;
            }

            if (FailAll is { } all)
            {
                return ValueTask.FromResult(new IpmiResponse(all, ReadOnlyMemory<byte>.Empty));
            }

            if (request.Command == 0x11 && FailRead.TryGetValue(fruId, out var code))
            {
                return ValueTask.FromResult(new IpmiResponse(code, ReadOnlyMemory<byte>.Empty));
            }
        }

        return inner.SendAsync(request, cancellationToken);
    }
}
