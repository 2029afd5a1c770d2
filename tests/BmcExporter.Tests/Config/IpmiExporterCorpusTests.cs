using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using BmcExporter.Config;
using BmcExporter.Ipmi.Session;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>
/// Real-world ipmi_exporter config shapes (Config/Corpus, see its README) load here with ipmi_exporter's meaning.
/// The ones the Debian peer (prometheus-ipmi-exporter 1.6.1) can read are also given to the peer itself.
/// </summary>
public sealed class IpmiExporterCorpusTests
{
    private static readonly TimeSpan ModuleTimeoutDefault = TimeSpan.FromSeconds(2);

    public static TheoryData<string> PeerReadableFiles => new()
    {
        "v1.0.0-ipmi_remote.yml", "v1.0.0-ipmi_local.yml", "debian-1.6.1-ipmi_remote.yml", "debian-1.6.1-ipmi_local.yml",
        "v1.8.0-ipmi_remote.yml", "issue-shapes.yml",
    };

    [Fact]
    public void V100Remote_LoadsWithIpmiExporterMeaning()
    {
        var (config, warnings) = LoadCorpus("v1.0.0-ipmi_remote.yml");

        Assert.True(config.IsIpmiExporterFormat);
        Assert.Equal(["default", "dcmi", "thatspecialhost"], config.Modules.Keys);
        var d = config.Modules["default"];
        Assert.Equal("monitor", d.User);
        Assert.Equal("corpus-pw-1"u8.ToArray(), d.Password.Span.ToArray());
        Assert.Equal(PrivilegeLevel.User, d.Privilege);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), d.Timeout); // 10 s for a request, over 1 + 3 attempts
        Assert.Equal([CollectorKind.Bmc, CollectorKind.Sensors, CollectorKind.Chassis], d.Collectors);
        SetEqual(new HashSet<int> { 2, 29, 32, 50, 52, 55 }, d.Sensors.ExcludeRecordIds);
        Assert.Equal(SharedSensorNames.Base, d.SharedSensorNames);
        Assert.True(d.AllowAnyTarget);
        Assert.Equal(PrivilegeLevel.Administrator, config.Modules["dcmi"].Privilege);
        Assert.Equal([CollectorKind.Dcmi], config.Modules["dcmi"].Collectors);
        Assert.Equal(ModuleTimeoutDefault, config.Modules["dcmi"].Timeout);
        Assert.Equal([CollectorKind.Sensors], config.Modules["thatspecialhost"].Collectors);
        Assert.Equal(
            ["5 modules.default.pass", "22 modules.dcmi.pass", "29 modules.thatspecialhost.pass", "31 modules.thatspecialhost.driver"],
            warnings.Select(w => $"{w.Line} {w.Key}"));
    }

    [Fact]
    public void V100Local_GetsInBandWarningAndItsCollectors()
    {
        var (config, warnings) = LoadCorpus("v1.0.0-ipmi_local.yml");

        var d = config.Modules["default"];
        Assert.Equal([CollectorKind.Bmc, CollectorKind.Sensors, CollectorKind.Dcmi, CollectorKind.Chassis], d.Collectors);
        SetEqual(new HashSet<int> { 2, 29, 32 }, d.Sensors.ExcludeRecordIds);
        Assert.Equal(PrivilegeLevel.Operator, d.Privilege); // FreeIPMI's default when none is given
        Assert.Contains("in-band", Assert.Single(warnings).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("debian-1.6.1-ipmi_remote.yml")]
    [InlineData("v1.8.0-ipmi_remote.yml")]
    public void Remote161AndLater_MapsEveryModule(string file)
    {
        var (config, warnings) = LoadCorpus(file);

        Assert.Equal(["default", "dcmi", "thatspecialhost", "advanced"], config.Modules.Keys);
        var special = config.Modules["thatspecialhost"];
        Assert.True(special.BridgeSensors);
        Assert.True(special.HasWorkaround("discretereading"));
        Assert.Equal([CollectorKind.Sensors, CollectorKind.Sel], special.Collectors);
        var advanced = config.Modules["advanced"];
        Assert.Equal(PrivilegeLevel.Administrator, advanced.Privilege);
        Assert.False(advanced.BridgeSensors);
        Assert.Equal(config.Modules["thatspecialhost"].Password, advanced.Password);

        // One warning per item with no meaning here, each at its own line.
        var expected = new[] { "default.pass", "dcmi.pass", "thatspecialhost.pass", "thatspecialhost.driver", "advanced.pass", "advanced.driver",
            "advanced.collector_cmd.ipmi", "advanced.collector_cmd.sel", "advanced.custom_args.ipmi[0]", "advanced.custom_args.sel[0]" };
        Assert.Equal(expected.Select(k => "modules." + k), warnings.Select(w => w.Key));
        Assert.Contains("'ipmimonitoring' is a program for collector_cmd to run", warnings[8].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("debian-1.6.1-ipmi_local.yml")]
    [InlineData("v1.8.0-ipmi_local.yml")]
    public void Local_HasSelAndSelEvents(string file)
    {
        var (config, _) = LoadCorpus(file);

        var d = config.Modules["default"];
        Assert.Contains(CollectorKind.Sel, d.Collectors);
        if (file.StartsWith("v1.8", StringComparison.Ordinal))
        {
            Assert.Contains(CollectorKind.SelEvents, d.Collectors);
            var selEvent = Assert.Single(d.SelEvents);
            Assert.Equal("correctable_memory_error", selEvent.Name);
            Assert.Matches(selEvent.Regex, "Correctable memory error at DIMM A1");
        }
    }

    [Fact]
    public void LocalSudo_WarnsAboutProgramsWithFullPaths()
    {
        var (config, warnings) = LoadCorpus("head-ipmi_local_sudo.yml");

        Assert.Equal([CollectorKind.Sensors, CollectorKind.Sel], config.Modules["default"].Collectors);
        Assert.Contains(warnings, w => w.Key == "modules.default.custom_args.ipmi[0]" && w.Message.Contains("'/usr/sbin/ipmimonitoring' is a program", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Key == "modules.default.collector_cmd.sel");
    }

    [Fact]
    public void IssueShapes_LoadWithIpmiExporterMeaning()
    {
        var (config, warnings) = LoadCorpus("issue-shapes.yml");

        Assert.True(config.IsIpmiExporterFormat);
        Assert.Equal(["default", "10.1.2.23:623", "rack1/node1", "Node A", "inband"], config.Modules.Keys);

        // Merge keys: the merged module keeps its own pass, everything else from the anchor.
        var byAddress = config.Modules["10.1.2.23:623"];
        Assert.Equal("corpus-pw-2"u8.ToArray(), byAddress.Password.Span.ToArray());
        Assert.Equal(config.Modules["default"] with { Name = "10.1.2.23:623", Password = byAddress.Password }, byAddress);
        Assert.Equal(TimeSpan.FromMilliseconds(2500), byAddress.Timeout);

        Assert.Equal(ModuleTimeoutDefault, config.Modules["rack1/node1"].Timeout); // timeout: 0 is the default

        var nodeA = config.Modules["Node A"];
        Assert.Equal(TimeSpan.FromMinutes(1), nodeA.Timeout); // 3600000 ms, clamped
        Assert.Equal([17], nodeA.CipherSuites);
        Assert.True(nodeA.HasWorkaround("discretereading"));
        Assert.False(nodeA.HasWorkaround("assumeio"));

        var inband = config.Modules["inband"];
        Assert.Empty(inband.Workarounds);
        Assert.Contains(warnings, w => w.Key == "modules.Node A.timeout" && w.Message.Contains("using 1m", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Key == "modules.inband.workaround_flags[0]" && w.Message.Contains("in-band", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Key == "modules.inband.workaround_flags[1]" && w.Message.Contains("ipmipower", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Key == "modules.Node A.custom_args.bmc[2]" && w.Message.Contains("'assumeio' has no effect", StringComparison.Ordinal));
        Assert.DoesNotContain(warnings, w => w.Key.EndsWith(".driver", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(PeerReadableFiles))]
    public async Task CorpusFile_IsReadByThePeerToo(string file)
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var peer = Process.Start(new ProcessStartInfo("prometheus-ipmi-exporter", $"--config.file={CorpusPath(file)} --web.listen-address=127.0.0.1:{port}")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        })!;
        try
        {
            // The peer logs "Loaded config file" or "Error parsing config file" before it listens; read until one shows.
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            var lines = new List<string>();
            while (!lines.Any(l => l.Contains("config file", StringComparison.Ordinal))
                && await peer.StandardError.ReadLineAsync(timeout.Token) is { } line)
            {
                lines.Add(line);
            }

            Assert.Contains(lines, l => l.Contains("Loaded config file", StringComparison.Ordinal));
        }
        finally
        {
            peer.Kill(entireProcessTree: true);
            await peer.WaitForExitAsync();
        }
    }

    private static (ExporterConfig Config, IReadOnlyList<ConfigDiagnostic> Warnings) LoadCorpus(string file)
    {
        var result = ConfigLoader.Load(CorpusPath(file), Env());
        Assert.True(result.Success, string.Join("\n", result.Errors));
        return (result.Config!, result.Warnings);
    }

    private static string CorpusPath(string file, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Corpus", file);
}
