using BmcExporter.Cli;
using BmcExporter.Config;
using BmcExporter.Ipmi.IntegrationTests.Oracle;
using BmcExporter.Ipmi.IntegrationTests.Sim;

namespace BmcExporter.Ipmi.IntegrationTests;

/// <summary>
/// <c>check-config --probe</c> against ipmi_sim, which has no DCMI (it answers DCMI commands with 0xC1): the dcmi
/// collector is named as doing nothing on that BMC, with the engine's own "not supported" reason, and nothing else is.
/// </summary>
[Collection(IpmiSimCollection.Name)]
[Trait("Category", "Integration")]
public sealed class CheckConfigProbeIpmiSimTests(IpmiSimFixture sim)
{
    [Fact]
    public async Task Probe_IpmiSimWithoutDcmi_WarnsDcmiCollectorOnly()
    {
        var dir = Directory.CreateTempSubdirectory("bmc-probe-");
        try
        {
            var file = Path.Combine(dir.FullName, "exporter.yaml");
            await File.WriteAllTextAsync(file, $"""
                scrape:
                  timeout: 20s
                modules:
                  default:
                    user: {SimBmc.ReaderUser}
                    password_env: BMC_PW
                    cipher_suites: [3]
                    collectors: [sensors, sel, chassis, bmc, dcmi]
                targets:
                  - host: "{sim.Host}:{sim.Port}"
                    module: default
                """);
            using var stdout = new StringWriter { NewLine = "\n" };
            using var stderr = new StringWriter { NewLine = "\n" };
            var env = new ConfigLoadOptions { GetEnvironmentVariable = n => n == "BMC_PW" ? SimBmc.ReaderPassword : null };

            var code = await CheckConfigCommand.RunAsync(["--probe", file], stdout, stderr, env, CancellationToken.None);

            Assert.True(code == 0, stdout.ToString() + stderr);
            var warnings = stdout.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("warning:", StringComparison.Ordinal)).ToList();
            var warning = Assert.Single(warnings);
            Assert.StartsWith($"warning: {sim.Host}:{sim.Port} (module default): collector 'dcmi' does nothing on this BMC: ", warning, StringComparison.Ordinal);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
