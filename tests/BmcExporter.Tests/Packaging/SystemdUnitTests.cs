namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The shipped unit (packaging/systemd/bmc-exporter.service) checked by systemd itself: <c>systemd-analyze verify</c>
/// reports nothing, <c>systemd-analyze security --offline</c> rates its exposure at most 2.0 of 10, and the hardening
/// the README names is there. systemd-analyze comes from Debian's <c>systemd</c> package (scripts/install-test-deps.sh);
/// a missing one fails the test. The unit's ExecStart binary is not installed here, so a copy points at a stand-in.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SystemdUnitTests : IDisposable
{
    private const string Tool = "/usr/bin/systemd-analyze";
    private readonly string _dir = Directory.CreateTempSubdirectory("bmc-exporter-unit-").FullName;

    private static string Shipped => Path.Combine(PackagingPaths.RepoRoot, "packaging", "systemd", "bmc-exporter.service");

    /// <summary>A copy of the shipped unit whose ExecStart names an executable stand-in in the temporary directory.</summary>
    private string Copy()
    {
        Assert.True(File.Exists(Tool), "systemd-analyze is required: apt-get install systemd, or run scripts/install-test-deps.sh");
        var binary = Path.Combine(_dir, "bmc-exporter");
        File.WriteAllText(binary, "#!/bin/sh\n");
        Assert.True(OperatingSystem.IsLinux(), "systemd units are checked on Linux");
        if (OperatingSystem.IsLinux())
        {
            File.SetUnixFileMode(binary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var unit = Path.Combine(_dir, "bmc-exporter.service");
        var text = File.ReadAllText(Shipped);
        Assert.Contains("ExecStart=/usr/local/bin/bmc-exporter ", text, StringComparison.Ordinal);
        File.WriteAllText(unit, text.Replace("ExecStart=/usr/local/bin/bmc-exporter ", $"ExecStart={binary} ", StringComparison.Ordinal));
        return unit;
    }

    [Fact]
    public void Verify_ShippedUnit_NoDiagnostics()
    {
        // verify exits 0 even for unknown keys and bad values; it says so on stderr, so stderr must be empty.
        var result = ExternalTool.Run(Tool, ["verify", Copy()]);

        Assert.True(result.ExitCode == 0 && result.StandardError.Trim().Length == 0, result.Describe());
    }

    [Fact]
    public void Security_ShippedUnit_ExposureAtMostTwo()
    {
        // --threshold is the exposure level times ten: above 20 (2.0 of 10) exits non-zero.
        var result = ExternalTool.Run(Tool, ["security", "--offline=true", "--threshold=20", Copy()]);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Contains("Overall exposure level for bmc-exporter.service: 1.", result.StandardOutput, StringComparison.Ordinal);
    }

    [Fact]
    public void Unit_ReadmeHardening_Present()
    {
        var lines = File.ReadAllLines(Shipped).Select(l => l.Trim()).ToHashSet(StringComparer.Ordinal);

        foreach (var line in new[] { "DynamicUser=yes", "StateDirectory=bmc-exporter", "NoNewPrivileges=yes", "ProtectSystem=strict", "CapabilityBoundingSet=", "LoadCredential=bmc-password:/etc/bmc-exporter/bmc-password" })
        {
            Assert.Contains(line, lines);
        }
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
