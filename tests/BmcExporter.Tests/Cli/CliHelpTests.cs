using BmcExporter.Cli;

namespace BmcExporter.Tests.Cli;

public sealed class CliHelpTests
{
    [Theory]
    [InlineData("sensors")]
    [InlineData("sel")]
    [InlineData("info")]
    [InlineData("chassis")]
    [InlineData("fru")]
    public async Task RunAsync_HelpFlag_ListsEveryClientFlagAndExitsZero(string verb)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await ClientCommands.RunAsync(verb, ["--help"], stdout, stderr, _ => null, CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Empty(stderr.ToString());
        foreach (var flag in new[] { "--target", "--user", "--password-file", "--password-env", "--privilege", "--cipher-suite", "--allow-cipher-suite-0", "--output", "--timeout", "--retries", "--bridge-sensors", "--help" })
        {
            Assert.Contains(flag, stdout.ToString(), StringComparison.Ordinal);
        }

        Assert.Equal(verb == "sensors", stdout.ToString().Contains("--watch", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("check-config", "--help")]
    [InlineData("check-config", "-h")]
    [InlineData("help", "check-config")]
    public async Task Program_CheckConfigHelp_ListsEveryFlagAndExitsZero(string verb, string flag)
    {
        // The real program, through the command dispatcher.
        var (code, output) = await BmcExporter.Tests.Config.ExporterProcess.RunAsync(verb, flag);

        Assert.True(code == 0, output);
        foreach (var word in new[] { "--probe", "--strict", "--config.file", "--help", "Exit codes", "cipher_suites", "privilege", "sel_events", "nochecksumcheck", "intel20" })
        {
            Assert.Contains(word, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CheckConfigRunAsync_HelpFlag_PrintsTheHelpNotUsage()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await CheckConfigCommand.RunAsync(["--probe", "--help"], stdout, stderr, new BmcExporter.Config.ConfigLoadOptions(), CancellationToken.None);

        Assert.Equal(0, code);
        Assert.Equal(CliHelp.CheckConfig, stdout.ToString());
        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public void TopHelp_ListsEveryServiceFlagAndCommand()
    {
        foreach (var word in new[] { "--config.file", "--web.listen-address", "--state.dir", "--shard", "--shards", "--log.level", "--log.format", "--demo", "--native-ipmi", "--freeipmi.path", "--version", "check-config", "sensors", "sel", "info", "chassis", "fru", "simulate", "/readyz" })
        {
            Assert.Contains(word, CliHelp.Top, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Version_IsThePackageVersion()
    {
        Assert.StartsWith("0.1.0", CliHelp.Version, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CipherSuite0WithoutAllowFlag_IsRefusedWithTheFlagToAdd()
    {
        var error = Assert.Throws<CliUsageException>(() => ClientCommandOptions.Parse(["--target", "h", "--user", "u", "--password-env", "P", "--cipher-suite", "0"], _ => "pw"));

        Assert.Contains("--allow-cipher-suite-0", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CipherSuite0WithAllowFlag_IsAccepted()
    {
        var options = ClientCommandOptions.Parse(["--target", "h", "--user", "u", "--password-env", "P", "--cipher-suite", "0", "--allow-cipher-suite-0"], _ => "pw");

        Assert.True(ClientCommands.ToSessionOptions(options).AllowCipherSuite0);
    }

    [Theory]
    [InlineData(new[] { "--watch" }, 5.0)]
    [InlineData(new[] { "--watch", "2" }, 2.0)]
    [InlineData(new[] { "--watch=0.5" }, 0.5)]
    public void Parse_Watch_TakesAnOptionalInterval(string[] flags, double seconds)
    {
        var options = ClientCommandOptions.Parse(["--target", "h", "--user", "u", "--password-env", "P", .. flags], _ => "pw");

        Assert.Equal(TimeSpan.FromSeconds(seconds), options.Watch);
    }

    [Fact]
    public async Task RunAsync_WatchOnSel_IsAUsageError()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = await ClientCommands.RunAsync("sel", ["--target", "h", "--user", "u", "--password-env", "P", "--watch"], stdout, stderr, _ => "pw", CancellationToken.None);

        Assert.Equal(ClientCommands.UsageError, code);
        Assert.Equal("bmc-exporter sel: --watch only works with the sensors command\n", stderr.ToString());
    }

    [Fact]
    public void WalkProgress_NotATerminal_StaysQuiet()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var stderr = new StringWriter();
        using (var progress = WalkProgress.Start(stderr, terminal: false, "reading", time))
        {
            time.Advance(TimeSpan.FromSeconds(10));
            Assert.False(progress.Shown);
        }

        Assert.Empty(stderr.ToString());
    }

    [Fact]
    public void WalkProgress_OnATerminal_ShowsAfterTwoSecondsAndErasesAtTheEnd()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var stderr = new StringWriter();
        using (var progress = WalkProgress.Start(stderr, terminal: true, "reading the SDR repository", time))
        {
            time.Advance(TimeSpan.FromSeconds(1.9));
            Assert.False(progress.Shown);
            time.Advance(TimeSpan.FromSeconds(0.2));
            Assert.True(progress.Shown);
        }

        Assert.Contains("reading the SDR repository … 2 s", stderr.ToString(), StringComparison.Ordinal);
        Assert.EndsWith("\r\u001b[2K", stderr.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WalkProgress_WithRecordCount_ShowsItBeforeTheSeconds()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider();
        using var stderr = new StringWriter();
        var read = 37;
        using (WalkProgress.Start(stderr, terminal: true, "reading the SDR repository", time, () => $"{read}/153 records"))
        {
            time.Advance(TimeSpan.FromSeconds(2));
            read = 52;
            time.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Contains("reading the SDR repository … 37/153 records, 2 s", stderr.ToString(), StringComparison.Ordinal);
        Assert.Contains("reading the SDR repository … 52/153 records, 3 s", stderr.ToString(), StringComparison.Ordinal);
    }
}
