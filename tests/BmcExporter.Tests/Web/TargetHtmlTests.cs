using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Output.Health;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Fakes;
using BmcExporter.Web;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Web;

public sealed class TargetHtmlTests
{
    [Fact]
    public async Task Render_UnsupportedCollector_ShownAsUnsupportedNotFailed()
    {
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        await using var runtime = new ExporterRuntime(ExporterConfig.Default, sessions, [], TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { PersistState = false });
        var full = SampleSnapshots.Full();
        var snapshot = full with
        {
            Outcome = ScrapeOutcome.Success,
            Error = null,
            Collectors =
            [
                new CollectorOutcome("ipmi", true, null, TimeSpan.Zero),
                new CollectorOutcome("dcmi", false, "DCMI power reading not supported: completion code 0xD4 (insufficient privilege level)", TimeSpan.Zero) { Unsupported = true },
                new CollectorOutcome("sel", false, "timeout after 2s", TimeSpan.Zero),
            ],
        };
        var record = new TargetRecord { Key = snapshot.Key, Target = snapshot.Target, Module = snapshot.Module, Snapshot = snapshot, Health = TargetHealth.Ok };

        var html = TargetHtml.Render(runtime, record);

        var table = html[html.IndexOf("<table id=\"collectors\">", StringComparison.Ordinal)..];
        table = table[..(table.IndexOf("</table>", StringComparison.Ordinal) + 8)];
        Assert.Contains("<td>dcmi</td><td class=\"not_scraped\">unsupported</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>sel</td><td class=\"warning\">failed</td>", table, StringComparison.Ordinal);
        Assert.Contains("<td>ipmi</td><td class=\"ok\">ok</td>", table, StringComparison.Ordinal);
    }
}
