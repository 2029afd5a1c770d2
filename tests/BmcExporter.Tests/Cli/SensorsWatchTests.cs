using BmcExporter.Cli;
using BmcExporter.Tests.EndToEnd;

namespace BmcExporter.Tests.Cli;

/// <summary>
/// <c>sensors --watch</c> against a simulated BMC over a real RMCP+ session: the table is read again each interval
/// until cancelled (exit 130); on a terminal each table is drawn over the last (clear screen, cursor home), piped it
/// is plain text. Waits are bounded polls on the output, never fixed sleeps.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SensorsWatchTests
{
    private const string ClearAndHome = "\u001b[2J\u001b[H";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Sensors_Watch_RedrawsUntilCancelled(bool terminal)
    {
        await using var sim = await SimulatorFixture.StartAsync(bmcs: 1);
        var endpoint = sim.Fleet.Endpoints[0];
        var inner = new StringWriter { NewLine = "\n" };
        var stdout = TextWriter.Synchronized(inner);
        using var stderr = new StringWriter();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        string[] args = ["--target", $"{endpoint.Address}:{endpoint.Port}", "--user", SimulatorFixture.User, "--password-env", "PW", "--watch", "0.5"];

        var run = ClientCommands.RunAsync("sensors", args, stdout, stderr, n => n == "PW" ? SimulatorFixture.Password : null, cts.Token, terminal);
        string Text()
        {
            lock (stdout)
            {
                return inner.ToString();
            }
        }

        static int Tables(string text) => text.Split('\n').Count(l => l.Replace(ClearAndHome, string.Empty, StringComparison.Ordinal).StartsWith("ID ", StringComparison.Ordinal));
        for (var poll = 0; poll < 600 && Tables(Text()) < 3 && !run.IsCompleted; poll++)
        {
            await Task.Delay(100);
        }

        await cts.CancelAsync();
        var code = await run;

        var text = Text();
        Assert.True(code == 130, $"exit {code}: {stderr}");
        Assert.True(Tables(text) >= 3, text);
        Assert.Equal(terminal ? Tables(text) : 0, CountOf(text, ClearAndHome));
        Assert.True(CountOf(text, " RPM ") >= Tables(text), text); // every table has the fans again
    }

    private static int CountOf(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
