using System.Text;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;
using BmcExporter.Ipmi.IntegrationTests.Tools;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using BmcExporter.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// The exporter's fru collector against ipmi_sim, whose SDR lists FRU 1 (a FRU Device Locator) beside the built-in
/// FRU 0 (both loaded with <c>mc_add_fru_data</c>): <c>ipmi_fru_info</c> has one series per device <c>ipmitool fru
/// print</c> shows, with the same name and fields.
/// </summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class FruCollectorIpmiSimTests(IpmiSimFixture sim)
{
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Collect_EveryFruDeviceOfTheSdr_MatchesIpmitoolFruPrint(bool withSensors)
    {
        CancellationToken ct = CancellationToken.None;
        TargetSnapshot snapshot;
        await using (IpmiSession session = await ClientFactory.OpenReaderAsync(sim, ct))
        {
            snapshot = await ScrapeAsync(session, withSensors, ct);
        }

        IReadOnlyList<IReadOnlyDictionary<string, string>> tool =
            IpmitoolBlocks.Parse(await Ipmitool.RunAsync(sim, ct, "fru", "print"), "FRU Device Description");

        Assert.True(snapshot.Succeeded("fru"), snapshot.Collectors.Single(c => c.Collector == "fru").Error);
        Assert.Equal(tool.Count, snapshot.Fru.Count);
        Assert.Equal(2, tool.Count); // FRU 0 and the locator's FRU 1, as the configuration defines
        for (int i = 0; i < tool.Count; i++)
        {
            IReadOnlyDictionary<string, string> t = tool[i];
            FruSample ours = snapshot.Fru[i];
            Assert.Equal(t["FRU Device Description"], $"{ours.Name} (ID {ours.DeviceId})");
            Assert.Equal(Field(t, "Board Mfg"), ours.BoardManufacturer);
            Assert.Equal(Field(t, "Board Product"), ours.BoardProduct);
            Assert.Equal(Field(t, "Board Serial"), ours.BoardSerial);
            Assert.Equal(Field(t, "Board Part Number"), ours.BoardPartNumber);
            Assert.Equal(Field(t, "Product Manufacturer"), ours.ProductManufacturer);
            Assert.Equal(Field(t, "Product Name"), ours.ProductName);
            Assert.Equal(Field(t, "Product Part Number"), ours.ProductPartNumber);
            Assert.Equal(Field(t, "Product Version"), ours.ProductVersion);
            Assert.Equal(Field(t, "Product Serial"), ours.ProductSerial);
            Assert.Equal(Field(t, "Product Asset Tag"), ours.AssetTag);
        }

        Assert.Equal(SimBmc.SecondaryBoard.Serial, snapshot.Fru[1].BoardSerial);
        string text = Encoding.UTF8.GetString(ExpositionBody.Single(TargetRenderer.Render(snapshot, null, RenderVariant.Ipmi), ExpositionFormat.Text, gzip: false).ToArray());
        Assert.Contains("ipmi_fru_info{fru_id=\"0\",fru_name=\"Builtin FRU Device\"", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_fru_info{fru_id=\"1\",fru_name=\"PSU FRU\"", text, StringComparison.Ordinal);
    }

    private static string Field(IReadOnlyDictionary<string, string> block, string key) => block.TryGetValue(key, out string? v) ? v : string.Empty;

    private async Task<TargetSnapshot> ScrapeAsync(IIpmiChannel channel, bool withSensors, CancellationToken ct)
    {
        IReadOnlyList<CollectorKind> kinds = withSensors ? [CollectorKind.Sensors, CollectorKind.Fru] : [CollectorKind.Fru];
        var target = new ScrapeTarget
        {
            Address = $"{sim.Host}:{sim.Port}",
            Host = sim.Host,
            Port = sim.Port,
            Module = new ModuleConfig { Name = "default", User = SimBmc.ReaderUser, Collectors = kinds },
        };
        var builder = new SnapshotBuilder(target.Address, "default", new Dictionary<string, string>(), [.. kinds.Select(CollectorLabels.Of)], TimeProvider.System);
        var context = new CollectContext
        {
            Target = target,
            Channel = channel,
            Builder = builder,
            State = new TargetStateStore(null, NullLogger.Instance),
            Stats = new TargetStats(),
            Time = TimeProvider.System,
            Logger = NullLogger.Instance,
        };
        IScrapeCollector[] collectors = withSensors ? [new SensorsCollector(), new FruCollector()] : [new FruCollector()];
        foreach (IScrapeCollector collector in collectors)
        {
            await collector.CollectAsync(context, ct);
            builder.Complete(CollectorLabels.Of(collector.Kind), true, null, TimeSpan.Zero);
        }

        return builder.Build("test");
    }
}
