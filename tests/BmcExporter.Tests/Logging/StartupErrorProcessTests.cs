using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BmcExporter.Tests.Config;

namespace BmcExporter.Tests.Logging;

/// <summary>The real program at start-up: errors in one line with exit code 1, and its log lines in each format.</summary>
public sealed class StartupErrorProcessTests
{
    [Fact]
    public async Task Serve_PortInUse_OneLineNoStackTraceExit1AndLogfmtLines()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var dir = new TempDirectory();

        var (exitCode, output) = await ExporterProcess.RunAsync("--web.listen-address", $"127.0.0.1:{port}", "--state.dir", Path.Combine(dir.Path, "state"));

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = Assert.Single(lines, l => l.StartsWith("bmc-exporter:", StringComparison.Ordinal));
        Assert.Contains($"127.0.0.1:{port}", error, StringComparison.Ordinal);
        Assert.Contains("--web.listen-address", error, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        var logLines = lines.Where(l => !l.StartsWith("bmc-exporter:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logLines);
        Assert.All(logLines, l =>
        {
            var map = Logfmt.ParseToMap(l);
            Assert.True(DateTimeOffset.TryParse(map["ts"], System.Globalization.CultureInfo.InvariantCulture, out _), l);
            Assert.Contains(map["level"], (string[])["debug", "info", "warn", "error"]);
            Assert.NotEmpty(map["msg"]);
        });
    }

    [Fact]
    public async Task Serve_JsonFormat_EveryLogLineIsJsonWithATimestamp()
    {
        using var busy = new TcpListener(IPAddress.Loopback, 0);
        busy.Start();
        var port = ((IPEndPoint)busy.LocalEndpoint).Port;
        using var dir = new TempDirectory();

        var (exitCode, output) = await ExporterProcess.RunAsync("--log.format", "json", "--web.listen-address", $"127.0.0.1:{port}", "--state.dir", Path.Combine(dir.Path, "state"));

        Assert.Equal(1, exitCode);
        var logLines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith("bmc-exporter:", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(logLines);
        Assert.All(logLines, l =>
        {
            using var doc = JsonDocument.Parse(l);
            var stamp = doc.RootElement.GetProperty("Timestamp").GetString();
            Assert.True(DateTimeOffset.TryParse(stamp, System.Globalization.CultureInfo.InvariantCulture, out var at), l);
            Assert.InRange(at, DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddMinutes(1));
            Assert.False(string.IsNullOrEmpty(doc.RootElement.GetProperty("Message").GetString()));
        });
    }

    [Fact]
    public async Task Serve_StateDirIsAFile_OneLineNamingTheFlagExit1()
    {
        using var dir = new TempDirectory();
        var notADirectory = dir.Write("state", "not a directory");

        var (exitCode, output) = await ExporterProcess.RunAsync("--web.listen-address", $"127.0.0.1:{ExporterProcess.FreePort()}", "--state.dir", notADirectory);

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var error = Assert.Single(lines, l => l.StartsWith("bmc-exporter:", StringComparison.Ordinal));
        Assert.Contains($"state directory {notADirectory} is not usable", error, StringComparison.Ordinal);
        Assert.Contains("--state.dir", error, StringComparison.Ordinal);
        Assert.DoesNotContain(lines, l => l.StartsWith("at ", StringComparison.Ordinal));
    }
}
