using System.Diagnostics;
using System.Text;
using BmcExporter.Output.Prometheus;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Output;

public sealed class FleetViewTests
{
    private static (FleetView Fleet, TargetStatsRegistry Stats) TwoTargets()
    {
        var stats = new TargetStatsRegistry();
        stats.For("10.0.0.1:623").RecordScrape(ScrapeOutcome.Partial);
        stats.For("10.0.0.1:623").RecordSelEvents([new SelEvent { RecordId = 1, StableId = "x", SensorTypeName = "Temperature", Severity = SelSeverity.Warning, Timestamp = DateTimeOffset.UnixEpoch.AddSeconds(1000) }]);
        var fleet = Render.Fleet(
            stats,
            SampleSnapshots.Full("10.0.0.1:623", new Dictionary<string, string> { ["rack"] = "r12" }),
            SampleSnapshots.Full("10.0.0.2:623", new Dictionary<string, string> { ["site"] = "fra1" }));
        return (fleet, stats);
    }

    [Fact]
    public void Body_TwoTargets_EverySeriesHasTargetThenItsOwnLabels()
    {
        var (fleet, _) = TwoTargets();

        var text = Encoding.UTF8.GetString(Render.FleetBody(fleet, ExpositionFormat.Text, gzip: false));

        Assert.Contains("ipmi_temperature_celsius{target=\"10.0.0.1:623\",rack=\"r12\",id=\"1\",name=\"CPU Temp\"} 45\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_up{target=\"10.0.0.2:623\",site=\"fra1\",collector=\"ipmi\"} 1\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_SelfHealthPerTarget_IsRendered()
    {
        var (fleet, _) = TwoTargets();

        var text = Encoding.UTF8.GetString(Render.FleetBody(fleet, ExpositionFormat.Text, gzip: false));

        Assert.Contains("bmc_exporter_scrapes_total{target=\"10.0.0.1:623\",rack=\"r12\",outcome=\"partial\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_sel_events_total{target=\"10.0.0.1:623\",rack=\"r12\",sensor_type=\"Temperature\",severity=\"warning\"} 1\n", text, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_circuit_state{target=\"10.0.0.2:623\",site=\"fra1\"} 0\n", text, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_target_last_success_timestamp_seconds{target=\"10.0.0.2:623\",site=\"fra1\"} 1767225600\n", text, StringComparison.Ordinal);
        var series = fleet.Latest("10.0.0.1:623")!.Series;
        Assert.Contains($"bmc_exporter_target_series{{target=\"10.0.0.1:623\",rack=\"r12\"}} {series}\n", text, StringComparison.Ordinal);
        Assert.Equal(series, text.Split('\n').Count(l => l.Contains("target=\"10.0.0.1:623\"", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Body_Text_PassesPromtoolCheckMetrics()
    {
        var (fleet, _) = TwoTargets();

        var text = Encoding.UTF8.GetString(Render.FleetBody(fleet, ExpositionFormat.Text, gzip: false));

        Assert.Empty(await Promtool.LintAsync(text));
    }

    [Theory]
    [InlineData(ExpositionFormat.Text)]
    [InlineData(ExpositionFormat.OpenMetrics)]
    public void Body_Gzip_DecompressesToThePlainBody(ExpositionFormat format)
    {
        var (fleet, _) = TwoTargets();
        var tail = format == ExpositionFormat.OpenMetrics ? "# EOF\n" : "# HELP x y\n# TYPE x gauge\nx 1\n";

        var plain = Encoding.UTF8.GetString(Render.FleetBody(fleet, format, gzip: false, tail));
        var gzip = Render.FleetBody(fleet, format, gzip: true, tail);

        Assert.Equal(plain, Render.Gunzip(gzip));
        Assert.Equal(ExpositionBody.Fleet(fleet.Capture(), Encoding.UTF8.GetBytes(tail), format, gzip: true).Length, gzip.Length);
    }

    [Fact]
    public async Task Body_Gzip_IsValidForGnuGzip()
    {
        var (fleet, _) = TwoTargets();
        var plain = Render.FleetBody(fleet, ExpositionFormat.Text, gzip: false, "x 1\n");
        var gzip = Render.FleetBody(fleet, ExpositionFormat.Text, gzip: true, "x 1\n");

        // An independent decoder: GNU gzip checks the CRC-32 and the length as well.
        var psi = new ProcessStartInfo("gzip", "-dc") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(psi)!;
        var output = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(output);
        await process.StandardInput.BaseStream.WriteAsync(gzip);
        process.StandardInput.Close();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
        await copy;

        Assert.Equal(0, process.ExitCode);
        Assert.Equal(plain, output.ToArray());
    }

    [Fact]
    public void Body_OpenMetrics_CounterFamiliesDropTotalInMetadataOnly()
    {
        var (fleet, _) = TwoTargets();

        var text = Encoding.UTF8.GetString(Render.FleetBody(fleet, ExpositionFormat.OpenMetrics, gzip: false, "# EOF\n"));

        Assert.Contains("# TYPE bmc_exporter_scrapes counter\n", text, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_scrapes_total{target=\"10.0.0.1:623\",rack=\"r12\",outcome=\"partial\"} 1\n", text, StringComparison.Ordinal);
        Assert.EndsWith("# EOF\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void SetMembers_NonMemberSnapshot_NeverEntersTheFleetPage()
    {
        var stats = new TargetStatsRegistry();
        var store = new SnapshotStore();
        using var fleet = new FleetView(store, stats);
        fleet.SetMembers(["10.0.0.1:623"]);

        store.Put(SampleSnapshots.Full("10.0.0.1:623"));
        store.Put(SampleSnapshots.Full("10.9.9.9:623"));

        Assert.Single(fleet.Capture());
        Assert.Null(fleet.Latest("10.9.9.9:623"));
    }

    [Fact]
    public void SetMembers_RemovedMember_Disappears_AddedMemberWithSnapshot_IsRenderedAtOnce()
    {
        var stats = new TargetStatsRegistry();
        var store = new SnapshotStore();
        using var fleet = new FleetView(store, stats);
        fleet.SetMembers(["a:623"]);
        store.Put(SampleSnapshots.Full("a:623"));
        store.Put(SampleSnapshots.Full("b:623"));

        fleet.SetMembers(["b:623"]);

        Assert.Null(fleet.Latest("a:623"));
        Assert.NotNull(fleet.Latest("b:623"));
    }

    [Fact]
    public void Put_OlderSnapshotAfterNewer_KeepsTheNewerRendering()
    {
        var stats = new TargetStatsRegistry();
        var store = new SnapshotStore();
        using var fleet = new FleetView(store, stats);
        fleet.SetMembers(["a:623"]);
        var newer = SampleSnapshots.Full("a:623") with { StartedAt = DateTimeOffset.UnixEpoch.AddDays(2), Duration = TimeSpan.FromSeconds(2) };
        var older = newer with { StartedAt = DateTimeOffset.UnixEpoch.AddDays(1), Duration = TimeSpan.FromSeconds(1) };

        store.Put(newer);
        var rendered = fleet.Latest("a:623");
        store.Put(older);

        Assert.Same(rendered, fleet.Latest("a:623"));
    }

    [Fact]
    public void IpmiView_SameSnapshotTwice_RendersOnce()
    {
        var (fleet, _) = TwoTargets();
        var snapshot = SampleSnapshots.Full("10.0.0.1:623");
        var store = new SnapshotStore();

        var first = fleet.IpmiView(snapshot);
        var second = fleet.IpmiView(snapshot);

        Assert.Same(first, second);
        Assert.False(first.IsCompressed);
        Assert.DoesNotContain("target=", Encoding.UTF8.GetString(first.Text(MetricNames.Up.Index).Span), StringComparison.Ordinal);
    }

    [Fact]
    public void Put_SecondSnapshotWithOneChange_ReusesUnchangedPiecesAndGzipStaysExact()
    {
        var stats = new TargetStatsRegistry();
        var store = new SnapshotStore();
        using var fleet = new FleetView(store, stats);
        fleet.SetMembers(["a:623#default"]);
        var first = SampleSnapshots.Full("a:623") with { Key = "a:623#default" };
        store.Put(first);
        var before = fleet.Latest("a:623#default")!;
        var changed = first with
        {
            StartedAt = first.StartedAt.AddMinutes(1),
            Sensors = [.. first.Sensors.Select(s => s.Name == "CPU Temp" ? s with { Value = 47 } : s)],
        };

        store.Put(changed);
        var after = fleet.Latest("a:623#default")!;

        Assert.True(after.Deflate(MetricNames.BmcInfo.Index).Span.SequenceEqual(before.Deflate(MetricNames.BmcInfo.Index).Span));
        Assert.False(after.Text(MetricNames.Temperature.Index).Span.SequenceEqual(before.Text(MetricNames.Temperature.Index).Span));
        var plain = Encoding.UTF8.GetString(Render.FleetBody(fleet, ExpositionFormat.Text, gzip: false));
        Assert.Equal(plain, Render.Gunzip(Render.FleetBody(fleet, ExpositionFormat.Text, gzip: true)));
        Assert.Contains("name=\"CPU Temp\"} 47\n", plain, StringComparison.Ordinal);
    }
}
