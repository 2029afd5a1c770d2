using BmcExporter.Cli;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

public sealed class CheckConfigCommandTests
{
    [Fact]
    public void Run_ValidFile_PrintsOkAndWarningsExit0()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "modules:\n  default:\n    password: very-secret\n");
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(0, code);
        Assert.Equal($"ok\nwarning: {file}:3 modules.default.password: the password is written in the config file; prefer password_file or password_env\n", stdout);
        Assert.Empty(stderr);
        Assert.DoesNotContain("very-secret", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_InvalidFile_PrintsEachErrorOnItsOwnLineExit1()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("exporter.yaml", "scrape:\n  mode: sometimes\nmodules:\n  default:\n    password: very-secret-password-too-long\n");
        var (code, stdout, stderr) = Run(file);

        Assert.Equal(1, code);
        Assert.Empty(stdout);
        var lines = stderr.TrimEnd('\n').Split('\n');
        Assert.Equal($"{file}:2 scrape.mode: 'sometimes' is not one of background, on_demand", lines[0]);
        Assert.Equal($"{file}:5 modules.default.password: the password is 29 bytes; IPMI allows at most 20", lines[1]);
        Assert.DoesNotContain("very-secret", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_BadTargetFile_IsReportedWithItsLine()
    {
        using var dir = new TempDirectory();
        dir.Write("fleet.txt", "10.0.0.1\n10.0.0.2:99999\n");
        var file = dir.Write("exporter.yaml", "target_files: [fleet.txt]\n");
        var (code, _, stderr) = Run(file);

        Assert.Equal(1, code);
        Assert.Equal($"{Path.Combine(dir.Path, "fleet.txt")}:2: the port is not a number in 1..65535\n", stderr);
    }

    [Fact]
    public void Run_NoArgument_PrintsUsageExit2()
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();

        Assert.Equal(2, CheckConfigCommand.Run([], stdout, stderr, Env()));
        Assert.Equal("usage: bmc-exporter check-config FILE\n", stderr.ToString());
    }

    private static (int Code, string Stdout, string Stderr) Run(string file)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CheckConfigCommand.Run([file], stdout, stderr, Env());
        return (code, stdout.ToString(), stderr.ToString());
    }
}
