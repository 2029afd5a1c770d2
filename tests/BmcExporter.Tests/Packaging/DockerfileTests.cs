using System.Diagnostics;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The Dockerfile, checked without a Docker engine (none on the build machines): every file its stages copy
/// exists, it runs as non-root with a healthcheck, and the publish command its build stage runs produces an
/// executable that serves the demo fleet.
/// </summary>
[Trait("Category", "Packaging")]
[Collection(DotnetBuildCollection.Name)]
public sealed partial class DockerfileTests
{
    private static string DockerfilePath => Path.Combine(PackagingPaths.RepoRoot, "Dockerfile");

    [Fact]
    public void Dockerfile_EveryCopiedSource_ExistsInTheRepository()
    {
        var sources = File.ReadLines(DockerfilePath)
            .Select(l => CopyLine().Match(l))
            .Where(m => m.Success)
            .SelectMany(m => m.Groups[1].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries)[..^1])
            .ToList();

        Assert.NotEmpty(sources);
        Assert.All(sources, s => Assert.True(
            File.Exists(Path.Combine(PackagingPaths.RepoRoot, s)) || Directory.Exists(Path.Combine(PackagingPaths.RepoRoot, s)),
            $"Dockerfile copies {s}, which does not exist"));
    }

    [Fact]
    public void Dockerfile_RuntimeStage_IsNonRootWithHealthcheckAndTheChartsArguments()
    {
        var text = File.ReadAllText(DockerfilePath);
        var runtime = text[text.LastIndexOf("FROM ", StringComparison.Ordinal)..];

        Assert.Contains("USER 1654:1654", runtime, StringComparison.Ordinal);
        Assert.Contains("HEALTHCHECK", runtime, StringComparison.Ordinal);
        Assert.Contains("/healthz", runtime, StringComparison.Ordinal);
        Assert.Contains("ENTRYPOINT [\"/app/bmc-exporter\"]", runtime, StringComparison.Ordinal);
        Assert.Contains("dotnet publish src/BmcExporter/BmcExporter.csproj -c Release", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Publish_AsTheDockerfileDoes_RunsHelpAndServesTheDemoFleet()
    {
        var output = Directory.CreateTempSubdirectory("bmc-publish-");
        var state = Directory.CreateTempSubdirectory("bmc-publish-state-");
        var build = Directory.CreateTempSubdirectory("bmc-publish-build-");
        try
        {
            ExternalTool.RunSuccessfully("dotnet", "publish", "src/BmcExporter/BmcExporter.csproj", "-c", "Release", "-o", output.FullName,
                "--artifacts-path", build.FullName);
            var exe = Path.Combine(output.FullName, "bmc-exporter");

            var help = ExternalTool.RunSuccessfully(exe, "--help");
            Assert.Contains("bmc-exporter", help.StandardOutput, StringComparison.Ordinal);

            var port = FreePort();
            var start = new ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in new[] { "--demo", $"--web.listen-address=[::]:{port}", "--state.dir=" + state.FullName })
            {
                start.ArgumentList.Add(a);
            }

            using var process = Process.Start(start)!;
            try
            {
                using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                var healthy = false;
                for (var attempt = 0; attempt < 120 && !healthy && !process.HasExited; attempt++)
                {
                    try
                    {
                        healthy = (await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"))).IsSuccessStatusCode;
                    }
                    catch (HttpRequestException)
                    {
                        await Task.Delay(250);
                    }
                }

                Assert.True(healthy, "the published exporter did not answer /healthz on the IPv4 side of [::]");
                var metrics = await http.GetStringAsync(new Uri($"http://[::1]:{port}/metrics"));
                Assert.Contains("bmc_exporter_build_info", metrics, StringComparison.Ordinal);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            output.Delete(recursive: true);
            state.Delete(recursive: true);
            build.Delete(recursive: true);
        }
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"^COPY\s+(?!--from)(.+)$")]
    private static partial Regex CopyLine();
}
