using System.Diagnostics;

namespace BmcExporter.Fuzz.Tests;

/// <summary>
/// The fuzzing harness in CI: every committed seed and regression input replays without a crash, and a bounded
/// AFL++ campaign over all decoders (fuzz/run.sh all 60) finds none. A missing afl-fuzz fails the test.
/// </summary>
public sealed class FuzzTests
{
    private static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BmcExporter.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("BmcExporter.sln not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Replay_SeedCorpusAndRegressionVectors_NoCrash()
    {
        var harness = Path.Combine(RepoRoot(), "fuzz", "BmcExporter.Fuzz");
        var crashes = new List<string>();
        var count = 0;
        var folders = Directory.EnumerateDirectories(Path.Combine(harness, "corpus"))
            .Concat(Directory.EnumerateDirectories(Path.Combine(harness, "regressions")));
        foreach (var targetDir in folders)
        {
            var target = FuzzTargets.Find(Path.GetFileName(targetDir));
            foreach (var file in Directory.EnumerateFiles(targetDir).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)))
            {
                count++;
                if (!FuzzTargets.TryRun(target, File.ReadAllBytes(file), out var crash))
                {
                    crashes.Add($"{file}: {crash}");
                }
            }
        }

        Assert.True(count > 0, $"no inputs under {harness}");
        Assert.Empty(crashes);
    }

    [Fact]
    public void Targets_EveryTargetHasSeedCorpus()
    {
        var corpus = Path.Combine(RepoRoot(), "fuzz", "BmcExporter.Fuzz", "corpus");

        foreach (var target in FuzzTargets.All.Append(FuzzTargets.Find("all")))
        {
            Assert.True(Directory.Exists(Path.Combine(corpus, target.Name)) && Directory.EnumerateFiles(Path.Combine(corpus, target.Name)).Any(), $"target {target.Name} has no seeds");
        }
    }

    [Fact]
    public async Task AflCampaign_AllDecoders60Seconds_NoCrash()
    {
        var root = RepoRoot();
        var output = Path.Combine(Path.GetTempPath(), "bmc-fuzz-ci-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("bash", [Path.Combine(root, "fuzz", "run.sh"), "all", "60", output])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(15));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        var text = await stdout + await stderr;
        try
        {
            Directory.Delete(output, recursive: true);
        }
        catch (IOException)
        {
            // Left for inspection when busy.
        }

        Assert.True(process.ExitCode == 0, $"fuzz/run.sh failed ({process.ExitCode}):\n{text}");
        Assert.Contains("crashes 0 hangs", text, StringComparison.Ordinal);
        Assert.Matches(@"execs [1-9][0-9]* ", text);
    }
}
