using BmcExporter.Cli;

namespace BmcExporter.Tests.Cli;

public sealed class ClientCommandOptionsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bmc-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string PasswordFile(string content)
    {
        var path = Path.Combine(_dir, "pw");
        File.WriteAllText(path, content);
        return path;
    }

    private static string? NoEnv(string name) => null;

    [Fact]
    public void Parse_AllFlags_ReadsEveryValue()
    {
        var o = ClientCommandOptions.Parse(
            ["--target", "10.1.2.3:6230", "--user", "reader", "--password-file", PasswordFile("s3cret\n"),
             "--privilege", "operator", "--cipher-suite", "3,17", "--output", "json", "--timeout", "1.5s", "--retries", "2"],
            NoEnv);

        Assert.Equal("10.1.2.3", o.Host);
        Assert.Equal(6230, o.Port);
        Assert.Equal("reader", o.User);
        Assert.Equal("s3cret"u8.ToArray(), o.Password);
        Assert.Equal("operator", o.Privilege);
        Assert.Equal(new byte[] { 3, 17 }, o.CipherSuites);
        Assert.Equal(OutputFormat.Json, o.Output);
        Assert.Equal(TimeSpan.FromSeconds(1.5), o.Timeout);
        Assert.Equal(2, o.Retries);
    }

    [Fact]
    public void Parse_Defaults_Port623SuitesSeventeenThenThreeUserPrivilege()
    {
        var o = ClientCommandOptions.Parse(["--target", "bmc1", "--user", "u", "--password-env", "PW"], n => n == "PW" ? "pw" : null);

        Assert.Equal(623, o.Port);
        Assert.Equal(new byte[] { 17, 3 }, o.CipherSuites);
        Assert.Equal("user", o.Privilege);
        Assert.Equal(OutputFormat.Table, o.Output);
    }

    [Theory]
    [InlineData("[fe80::1]:700", "fe80::1", 700)]
    [InlineData("[::1]", "::1", 623)]
    [InlineData("fe80::2", "fe80::2", 623)]
    [InlineData("host.example:1", "host.example", 1)]
    public void ParseTarget_Forms_HostAndPort(string target, string host, int port)
    {
        var (h, p) = ClientCommandOptions.ParseTarget(target);
        Assert.Equal(host, h);
        Assert.Equal(port, p);
    }

    [Theory]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password", "x" }, "--password is not accepted")]
    [InlineData(new[] { "--target", "h", "--user", "u", "-P", "x" }, "-P is not accepted")]
    [InlineData(new[] { "--user", "u", "--password-env", "PW" }, "--target HOST[:PORT] is required")]
    [InlineData(new[] { "--target", "h", "--password-env", "PW" }, "--user NAME is required")]
    [InlineData(new[] { "--target", "h", "--user", "u" }, "a password source is required")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "MISSING" }, "environment variable 'MISSING' is not set")]
    [InlineData(new[] { "--target", "h:0", "--user", "u", "--password-env", "PW" }, "port '0' is not a number from 1 to 65535")]
    [InlineData(new[] { "--target", "h:x", "--user", "u", "--password-env", "PW" }, "port 'x' is not a number")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "PW", "--privilege", "root" }, "'root' is not one of user, operator, admin")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "PW", "--cipher-suite", "3,9" }, "'9' is not a supported cipher suite")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "PW", "--output", "xml" }, "'xml' is not one of table, json")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "PW", "--bogus" }, "unknown option '--bogus'")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "PW", "--timeout", "-1" }, "--timeout '-1' must be a number of seconds")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "PW", "--target" }, "--target needs a value")]
    [InlineData(new[] { "--target", "h", "--user", "abcdefghijklmnopq", "--password-env", "PW" }, "longer than 16 bytes")]
    [InlineData(new[] { "--target", "h", "--user", "u", "--password-env", "LONG" }, "longer than 20 bytes")]
    public void Parse_BadInput_SpecificError(string[] args, string expected)
    {
        var e = Assert.Throws<CliUsageException>(() => ClientCommandOptions.Parse(args, n => n switch
        {
            "PW" => "pw",
            "LONG" => new string('x', 21),
            _ => null,
        }));
        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_UnreadablePasswordFile_NamesFileNotContent()
    {
        var e = Assert.Throws<CliUsageException>(() => ClientCommandOptions.Parse(
            ["--target", "h", "--user", "u", "--password-file", Path.Combine(_dir, "absent")], NoEnv));
        Assert.Contains("cannot be read", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_NeverContainsPassword()
    {
        var o = ClientCommandOptions.Parse(["--target", "h", "--user", "u", "--password-file", PasswordFile("TopSecret99")], NoEnv);
        Assert.DoesNotContain("TopSecret99", o.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("TopSecret99", ClientCommands.ToSessionOptions(o).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UsageError_OneLineOnStderrExitTwo()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var code = await ClientCommands.RunAsync("sensors", ["--target", "h"], stdout, stderr, NoEnv, CancellationToken.None);

        Assert.Equal(ClientCommands.UsageError, code);
        var lines = stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.StartsWith("bmc-exporter sensors: --user NAME is required", lines[0], StringComparison.Ordinal);
        Assert.Equal(string.Empty, stdout.ToString());
    }

    [Fact]
    public async Task RunAsync_NothingListening_OneLineErrorWithinTimeout()
    {
        // A loopback UDP port with nothing bound: the client must give up within timeout x attempts, not hang.
        using var probe = new System.Net.Sockets.UdpClient(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, 0));
        var port = ((System.Net.IPEndPoint)probe.Client.LocalEndPoint!).Port;
        probe.Close();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var started = System.Diagnostics.Stopwatch.StartNew();

        var code = await ClientCommands.RunAsync(
            "info",
            ["--target", $"127.0.0.1:{port}", "--user", "u", "--password-env", "PW", "--timeout", "0.3", "--retries", "1"],
            stdout, stderr, n => n == "PW" ? "pw" : null, CancellationToken.None);

        Assert.Equal(ClientCommands.BmcError, code);
        var line = Assert.Single(stderr.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"127.0.0.1:{port}", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", line, StringComparison.Ordinal);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(10), $"took {started.Elapsed}");
    }
}
