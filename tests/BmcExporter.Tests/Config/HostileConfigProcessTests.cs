using System.Net;
using System.Text;

namespace BmcExporter.Tests.Config;

/// <summary>
/// The real program against hostile files: check-config exits 1 with file:line (never 134, the exit code of a
/// stack overflow), and a running exporter survives bad reloads and target files, keeping what it had.
/// </summary>
public sealed class HostileConfigProcessTests
{
    public static TheoryData<string, byte[], string> HostileFiles => new()
    {
        { "square-bomb", Encoding.ASCII.GetBytes("x: " + new string('[', 100_000)), ":1: the document is nested more than 64 levels deep" },
        { "brace-bomb", Encoding.ASCII.GetBytes("x: " + string.Concat(Enumerable.Repeat("{a: ", 100_000))), ":1: the document is nested more than 64 levels deep" },
        { "unclosed", Encoding.ASCII.GetBytes("targets: [\n  10.0.0.1,\n  10.0.0.2\n"), ":1: this '[' is never closed: no matching ']' before line 4" },
        { "unclosed-flow-mapping", Encoding.ASCII.GetBytes("modules: {default: {user: a}\nscrape: {}\n"), ":1: this '{' is never closed" },
        { "latin1", [.. "modules:\n  default:\n    user: caf"u8, 0xE9, (byte)'\n'], ":3: the config file is not valid UTF-8 (byte 0xE9); save it as UTF-8" },
        { "tab", Encoding.ASCII.GetBytes("scrape:\n  interval: 1m\nmodules:\n\tdefault: {}\n"), ":4: a tab is used for indentation" },
    };

    [Theory]
    [MemberData(nameof(HostileFiles))]
    public async Task CheckConfig_HostileFile_Exits1WithFileAndLine(string name, byte[] content, string expected)
    {
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, name + ".yaml");
        await File.WriteAllBytesAsync(file, content);

        var (exitCode, output) = await ExporterProcess.RunAsync("check-config", file);

        Assert.Equal(1, exitCode);
        Assert.Contains(file + expected, output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_TargetFileBomb_Exits1WithItsLine()
    {
        using var dir = new TempDirectory();
        dir.Write("fleet.yaml", "targets: " + new string('[', 40_000));
        var config = dir.Write("exporter.yaml", "target_files: [\"*.yaml\"]\n");
        File.Move(config, Path.Combine(dir.Path, "exporter.conf"));

        var (exitCode, output) = await ExporterProcess.RunAsync("check-config", Path.Combine(dir.Path, "exporter.conf"));

        Assert.Equal(1, exitCode);
        Assert.Contains(Path.Combine(dir.Path, "fleet.yaml") + ":1: the document is nested more than 64 levels deep", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_BadFileAtStartUp_Exits1WithFileAndLine()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "x: " + new string('[', 100_000));

        var (exitCode, output) = await ExporterProcess.RunAsync("--config.file", file);

        Assert.Equal(1, exitCode);
        Assert.Contains(file + ":1: the document is nested more than 64 levels deep", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_SighupWithBadFile_KeepsConfigLogsAndSetsGaugeTo0_ThenRecovers()
    {
        using var dir = new TempDirectory();
        var port = ExporterProcess.FreePort();
        var good = $"listen_address: \"127.0.0.1:{port}\"\nstate_dir: {dir.Path}/state\ntargets: [\"127.0.0.1:1\"]\n";
        var file = dir.Write("exporter.yaml", good);
        await using var exporter = ExporterProcess.Start("--config.file", file);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await exporter.WaitUntilAsync(async () => (await Metrics(http)).Contains("bmc_exporter_targets 1\n", StringComparison.Ordinal), "first load with its target");

        await File.WriteAllTextAsync(file, "listen_address: [" + new string('[', 50_000));
        exporter.Signal("HUP");
        await exporter.WaitUntilAsync(async () => (await Metrics(http)).Contains("bmc_exporter_config_last_reload_successful 0", StringComparison.Ordinal), "reload-success gauge at 0");

        // The log reaches the test through the process's stdout pipe, read asynchronously: it can trail the gauge.
        var rejected = $"Configuration reload rejected, keeping the previous one: {file}:1: the document is nested more than 64 levels deep";
        await exporter.WaitUntilAsync(() => Task.FromResult(exporter.Output.Contains(rejected, StringComparison.Ordinal)), "the rejection in the log");
        Assert.Contains("SIGHUP received: reloading the configuration", exporter.Output, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_targets 1", await Metrics(http), StringComparison.Ordinal);

        using var post = await http.PostAsync("/-/reload", null);
        Assert.Equal(HttpStatusCode.BadRequest, post.StatusCode);
        Assert.Contains($"{file}:1: the document is nested more than 64 levels deep", await post.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await File.WriteAllTextAsync(file, good.Replace("[\"127.0.0.1:1\"]", "[\"127.0.0.1:1\", \"127.0.0.1:2\"]", StringComparison.Ordinal));
        exporter.Signal("HUP");
        await exporter.WaitUntilAsync(
            async () => await Metrics(http) is var text && text.Contains("bmc_exporter_config_last_reload_successful 1", StringComparison.Ordinal) && text.Contains("bmc_exporter_targets 2\n", StringComparison.Ordinal),
            "reload-success gauge back at 1 with the new targets");
    }

    [Fact]
    public async Task Serve_WatchedTargetFileBomb_KeepsRunningWithThePreviousTargets()
    {
        using var dir = new TempDirectory();
        var port = ExporterProcess.FreePort();
        var targets = dir.Write("fleet.yaml", "targets: [\"127.0.0.1:1\", \"127.0.0.1:2\"]\n");
        var file = dir.Write("exporter.yaml", $"listen_address: \"127.0.0.1:{port}\"\nstate_dir: {dir.Path}/state\ntarget_files: [fleet.yaml]\n");
        await using var exporter = ExporterProcess.Start("--config.file", file);
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await exporter.WaitUntilAsync(async () => (await Metrics(http)).Contains("bmc_exporter_targets 2", StringComparison.Ordinal), "two targets");

        await File.WriteAllTextAsync(targets, "targets: " + new string('[', 40_000));
        await exporter.WaitUntilAsync(() => Task.FromResult(exporter.Output.Contains("fleet.yaml:1: the document is nested more than 64 levels deep", StringComparison.Ordinal)), "the target file error in the log");

        Assert.Contains("bmc_exporter_targets 2", await Metrics(http), StringComparison.Ordinal);
        Assert.False(exporter.HasExited);
    }

    private static async Task<string> Metrics(HttpClient http)
    {
        try
        {
            return await http.GetStringAsync("/metrics");
        }
        catch (HttpRequestException)
        {
            return string.Empty;
        }
    }
}
