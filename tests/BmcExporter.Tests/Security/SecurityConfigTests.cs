using BmcExporter.Config;

namespace BmcExporter.Tests.Security;

public sealed class SecurityConfigTests
{
    [Fact]
    public void Load_SecurityBlock_BuildsSettings()
    {
        var dir = Directory.CreateTempSubdirectory("bmcsec-config-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "creds.txt"), "# vendor\nops:Winter:2024\nguest:\n");
            var path = Path.Combine(dir.FullName, "exporter.yaml");
            File.WriteAllText(path, "modules:\n  default:\n    collectors: [sensors, security]\n    security:\n      interval: 6h\n      default_password_check: true\n      default_credentials_file: creds.txt\n");

            var result = ConfigLoader.Load(path);

            var module = result.Config!.Modules["default"];
            Assert.Contains(CollectorKind.Security, module.Collectors);
            Assert.Equal(TimeSpan.FromHours(6), module.Security.Interval);
            Assert.True(module.Security.DefaultPasswordCheck);
            Assert.Equal(["ops", "guest"], module.Security.DefaultCredentials.Select(c => c.User));
            Assert.Equal("Winter:2024"u8.ToArray(), module.Security.DefaultCredentials[0].Password.Span.ToArray());
            Assert.Equal(0, module.Security.DefaultCredentials[1].Password.Length);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Load_BadCredentialLine_ErrorNamesFileLine()
    {
        var dir = Directory.CreateTempSubdirectory("bmcsec-config-");
        try
        {
            File.WriteAllText(Path.Combine(dir.FullName, "creds.txt"), "ADMIN:ADMIN\nno-colon-here\n");
            var path = Path.Combine(dir.FullName, "exporter.yaml");
            File.WriteAllText(path, "modules:\n  default:\n    security:\n      default_credentials_file: creds.txt\n");

            var result = ConfigLoader.Load(path);

            Assert.Contains(result.Errors, e => e.ToString().Contains("creds.txt line 2: expected user:password", StringComparison.Ordinal));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Shipped_EveryPairIsWithinIpmiLimits_AndRedacted()
    {
        Assert.NotEmpty(DefaultCredentialList.Shipped);
        Assert.All(DefaultCredentialList.Shipped, c => Assert.DoesNotContain(":ADMIN", c.ToString(), StringComparison.Ordinal));
        Assert.Contains(DefaultCredentialList.Shipped, c => c.User == "ADMIN");
    }
}
