using BmcExporter.Config;
using BmcExporter.Ipmi.Crypto;
using static BmcExporter.Tests.Config.ConfigTestHelpers;

namespace BmcExporter.Tests.Config;

/// <summary>Config records compare by value, so a reload of the same file changes nothing and keeps every session.</summary>
public sealed class ConfigEqualityTests
{
    private const string Yaml = """
        listen_address: ":9300"
        scrape: { interval: 30s, on_demand_max_targets: 50 }
        modules:
          default:
            user: reader
            password_env: PW
            kg_hex: "0x0102"
            cipher_suites: [17, 3]
            collectors: [sensors, sel]
            sensors:
              include: ["^CPU", "Temp$"]
              exclude_types: [Fan, OEM_Reserved]
              exclude_record_ids: [3, 1, 2]
            workarounds: [discretereading, authcap]
            labels: { site: fra1, rack: r1 }
            sel_events: [{ name: ecc, regex: "ECC.*" }]
            metrics: [thresholds, sensor_info]
            allowed_targets: [10.0.0.0/8, "fd00::/8", "*.bmc.example.com"]
          dell:
            user: monitor
            password: inline-pw
        targets:
          - { host: 10.0.0.1, labels: { rack: r12 } }
          - "10.0.0.2 dell"
        otlp: { enabled: true, headers: { x-api-key: abc } }
        """;

    [Fact]
    public void Load_SameYamlTwice_GivesEqualConfigsAndModules()
    {
        var first = LoadOk(Yaml, Env(("PW", "secret")));
        var second = LoadOk(Yaml, Env(("PW", "secret")));

        Assert.NotSame(first, second);
        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        foreach (var (name, module) in first.Modules)
        {
            Assert.Equal(module, second.Modules[name]);
            Assert.Equal(module.GetHashCode(), second.Modules[name].GetHashCode());
        }
    }

    [Fact]
    public void TargetConfig_KeyFollowsHostAndPortInAnyOrderAndThroughWith()
    {
        var hostFirst = new TargetConfig { Host = "fd00::1", Port = 6230 };
        var portFirst = new TargetConfig { Port = 6230, Host = "fd00::1" };
        var moved = new TargetConfig { Host = "10.0.0.9" } with { Host = "fd00::1", Port = 6230 };

        Assert.Equal("[fd00::1]:6230", hostFirst.Key);
        foreach (var other in new[] { portFirst, moved })
        {
            Assert.Equal(hostFirst.Key, other.Key);
            Assert.Equal(hostFirst, other);
            Assert.Equal(hostFirst.GetHashCode(), other.GetHashCode());
        }

        Assert.Equal("10.0.0.9:623", new TargetConfig { Host = "10.0.0.9" }.Key);
        Assert.Equal("[fd00::1]:623", (hostFirst with { Port = 623 }).Key);
        Assert.NotEqual(hostFirst, hostFirst with { Port = 623 });
    }

    [Fact]
    public void Load_OneModuleChanged_OnlyThatModuleDiffers()
    {
        var first = LoadOk(Yaml, Env(("PW", "secret")));
        var second = LoadOk(Yaml.Replace("password: inline-pw", "password: other-pw", StringComparison.Ordinal), Env(("PW", "secret")));

        Assert.NotEqual(first, second);
        Assert.Equal(first.Modules["default"], second.Modules["default"]);
        Assert.NotEqual(first.Modules["dell"], second.Modules["dell"]);
    }

    [Fact]
    public void Load_SecretFromAnotherSource_WithTheSameValue_IsEqual()
    {
        var fromEnv = LoadOk(Yaml, Env(("PW", "secret"))).Modules["default"];
        var changed = LoadOk(Yaml, Env(("PW", "Secret"))).Modules["default"];
        var inline = fromEnv with { Password = IpmiSecret.FromString("secret", "inline") };

        Assert.Equal(fromEnv, inline);
        Assert.NotEqual(fromEnv, changed);
    }

    [Fact]
    public void Records_BuiltInCode_CompareByValueToo()
    {
        var a = new ModuleConfig { Name = "m", Collectors = [CollectorKind.Sel], Labels = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" } };
        var b = new ModuleConfig { Name = "m", Collectors = new List<CollectorKind> { CollectorKind.Sel }, Labels = new Dictionary<string, string> { ["b"] = "2", ["a"] = "1" } };

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, b with { Collectors = [CollectorKind.Sel, CollectorKind.Fru] });
        Assert.Equal(new TargetConfig { Host = "h", Labels = new Dictionary<string, string> { ["x"] = "1" } }, new TargetConfig { Host = "h", Labels = new Dictionary<string, string> { ["x"] = "1" } });
    }

    [Fact]
    public void Secret_Equality_IsByValue_HashByLength()
    {
        var a = IpmiSecret.FromString("pw", "env A");
        var b = IpmiSecret.FromString("pw", "file /b");

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, IpmiSecret.FromString("pW"));
        Assert.Equal("***(env A)", a.ToString());
    }
}
