using System.Diagnostics;
using System.Net.Http;
using System.Text.RegularExpressions;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The Dockerfile, checked without a Docker engine (none on the build machines, and the base images cannot be
/// pulled): every file its stages copy exists, it runs as non-root with a healthcheck, and its stages replayed in a
/// context holding only what they copy (<see cref="DockerBuildStage"/>) give an entrypoint that prints the chart's
/// appVersion and serves the demo fleet.
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
    public async Task DockerfileStages_ReplayedWithoutDocker_ImageRunsVersionAndServesTheDemoFleet()
    {
        var dockerfile = File.ReadAllText(DockerfilePath);
        var work = Directory.CreateTempSubdirectory("bmc-docker-replay-");
        var state = Directory.CreateTempSubdirectory("bmc-docker-replay-state-");
        try
        {
            // Stage "build" in a context holding only what it copies (restore from the project files alone, then
            // publish --no-restore), stage "runtime" with its COPY --from=build.
            var build = new DockerBuildStage(PackagingPaths.RepoRoot, Directory.CreateDirectory(Path.Combine(work.FullName, "build")).FullName);
            build.Replay(DockerBuildStage.Instructions(dockerfile, "build"));
            var runtimeInstructions = DockerBuildStage.Instructions(dockerfile, "runtime");
            var runtime = new DockerBuildStage(
                PackagingPaths.RepoRoot,
                Directory.CreateDirectory(Path.Combine(work.FullName, "runtime")).FullName,
                new Dictionary<string, DockerBuildStage>(StringComparer.Ordinal) { ["build"] = build });
            runtime.Replay(runtimeInstructions);
            var entrypoint = EntrypointLine().Match(runtimeInstructions.Single(i => i.Keyword == "ENTRYPOINT").Arguments).Groups[1].Value;
            var exe = runtime.HostPath(entrypoint);
            Assert.True(File.Exists(exe), $"the runtime stage's ENTRYPOINT {entrypoint} is not in the image");

            // The image tag is the chart's appVersion: the program in the image must say it is that version.
            var appVersion = AppVersionLine().Match(File.ReadAllText(Path.Combine(PackagingPaths.Chart, "Chart.yaml"))).Groups[1].Value;
            var version = ExternalTool.RunSuccessfully(exe, "--version");
            var words = version.StandardOutput.Trim().Split('\n')[0].Split(' ');
            Assert.True(words.Length >= 2 && words[0] == "bmc-exporter", $"--version printed: {version.StandardOutput}");
            Assert.Equal(appVersion, words[1].Split('+')[0]); // "+<commit>" only when built inside a git checkout

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

                Assert.True(healthy, "the image's exporter did not answer /healthz on the IPv4 side of [::]");
                var metrics = await http.GetStringAsync(new Uri($"http://[::1]:{port}/metrics"));
                Assert.Contains("bmc_exporter_build_info", metrics, StringComparison.Ordinal);
                Assert.Contains($"version=\"{appVersion}\"", metrics, StringComparison.Ordinal);
            }
            finally
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
        }
        finally
        {
            work.Delete(recursive: true);
            state.Delete(recursive: true);
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

    [GeneratedRegex(@"^\[\s*""([^""]+)""")]
    private static partial Regex EntrypointLine();

    [GeneratedRegex(@"(?m)^appVersion:\s*""?([^""\s]+)""?")]
    private static partial Regex AppVersionLine();
}
