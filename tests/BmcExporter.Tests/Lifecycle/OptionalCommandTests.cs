using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Lifecycle;

/// <summary>A BMC that refuses a lifecycle command keeps its collector up and is not asked again.</summary>
public sealed class OptionalCommandTests
{
    [Fact]
    public async Task ChassisCollector_RestartCauseRefusedPohBusy_RemembersOnlyTheRefusal()
    {
        var channel = new ScriptedChannel(new()
        {
            [(NetFn.Chassis, GetChassisStatus.Command)] = new(0, GetChassisStatus.EncodeResponse(new ChassisStatus(0x01, 0x10, 0x00))),
            [(NetFn.Chassis, GetSystemRestartCause.Command)] = new((byte)CompletionCode.InvalidCommand, ReadOnlyMemory<byte>.Empty),
            [(NetFn.Chassis, GetPohCounter.Command)] = new((byte)CompletionCode.NodeBusy, ReadOnlyMemory<byte>.Empty),
        });
        var features = new RememberingFeatures();

        var first = await RunAsync(new ChassisCollector(), channel, features);
        var second = await RunAsync(new ChassisCollector(), channel, features);

        Assert.Equal((byte)0x10, first.Chassis!.LastPowerEvent);
        Assert.Null(first.Chassis.RestartCause);
        Assert.Null(first.Chassis.PowerOnTime);
        Assert.Equal([ChassisCollector.RestartCauseFeature], features.Refused);
        Assert.Equal(1, channel.Sent(GetSystemRestartCause.Command)); // refused once, not asked again
        Assert.Equal(2, channel.Sent(GetPohCounter.Command)); // busy is transient: asked every scrape
        Assert.True(second.Chassis!.PowerOn);
    }

    [Fact]
    public async Task BmcCollector_SelfTestTruncatedSelTimeRefused_CollectorStillReportsIdentity()
    {
        var channel = new ScriptedChannel(new()
        {
            [(NetFn.App, GetDeviceId.Command)] = new(0, new byte[] { 0x20, 0x01, 0x02, 0x45, 0x02, 0xBF, 0xB3, 0xA2, 0x00, 0x01, 0x01 }),
            [(NetFn.App, GetSystemInfoParameters.Command)] = new((byte)CompletionCode.InvalidCommand, ReadOnlyMemory<byte>.Empty),
            [(NetFn.App, GetSelfTestResults.Command)] = new(0, ReadOnlyMemory<byte>.Empty),
            [(NetFn.Storage, GetSelTime.Command)] = new((byte)CompletionCode.InsufficientPrivilege, ReadOnlyMemory<byte>.Empty),
        });
        var features = new RememberingFeatures();

        var snapshot = await RunAsync(new BmcCollector(), channel, features);

        Assert.Equal("2.45", snapshot.Bmc!.FirmwareRevision);
        Assert.Null(snapshot.Bmc.SelfTest);
        Assert.Null(snapshot.Bmc.ClockOffset);
        Assert.Contains(BmcCollector.SelfTestFeature, features.Refused);
        Assert.Contains(BmcCollector.SelTimeFeature, features.Refused);
        var text = Output.Render.Ipmi(snapshot);
        Assert.DoesNotContain("ipmi_bmc_self_test_passed", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ipmi_bmc_clock_offset_seconds", text, StringComparison.Ordinal);
    }

    private static async Task<TargetSnapshot> RunAsync(IScrapeCollector collector, IIpmiChannel channel, IOptionalFeatures features)
    {
        var builder = new SnapshotBuilder("10.0.0.1:623", "default", new Dictionary<string, string>(), [CollectorLabels.Of(collector.Kind)], TimeProvider.System);
        await collector.CollectAsync(
            new CollectContext
            {
                Target = new ScrapeTarget { Address = "10.0.0.1:623", Host = "10.0.0.1", Port = 623, Module = new ModuleConfig { Name = "default" } },
                Channel = channel,
                Builder = builder,
                State = new BmcExporter.State.TargetStateStore(null, NullLogger.Instance),
                Stats = new TargetStats(),
                Time = TimeProvider.System,
                Logger = NullLogger.Instance,
                Features = features,
            },
            CancellationToken.None);
        return builder.Build("pending");
    }

    private sealed class ScriptedChannel(Dictionary<(NetFn, byte), IpmiResponse> answers) : IIpmiChannel
    {
        private readonly Dictionary<byte, int> _sent = [];

        public int Sent(byte command) => _sent.GetValueOrDefault(command);

        public ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
        {
            _sent[request.Command] = Sent(request.Command) + 1;
            return ValueTask.FromResult(answers.TryGetValue((request.NetFn, request.Command), out var answer)
                ? answer
                : new IpmiResponse((byte)CompletionCode.InvalidCommand, ReadOnlyMemory<byte>.Empty));
        }
    }

    private sealed class RememberingFeatures : IOptionalFeatures
    {
        public List<string> Refused { get; } = [];

        public bool IsKnownUnsupported(string feature) => Refused.Contains(feature);

        public void MarkUnsupported(string feature, string reason) => Refused.Add(feature);
    }
}
