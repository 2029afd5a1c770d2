using System.Diagnostics;

namespace BmcExporter.Tests.Packaging;

/// <summary>The result of running an external tool: exit code and both output streams.</summary>
internal sealed record ToolResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Describe() => $"exit code {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
}

/// <summary>
/// Runs promtool, amtool, helm and the packaging tests' build steps. A missing tool is a test failure with the command that installs it, never a skip:
/// CI installs both (scripts/install-test-deps.sh, scripts/install-helm.sh).
/// </summary>
internal static class ExternalTool
{
    // A bound, not a performance figure: a publish on a busy 2-core CI machine takes minutes.
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static string Promtool => Require("promtool", "apt-get install prometheus (Debian package carrying promtool), or run scripts/install-test-deps.sh");

    public static string Helm => Require("helm", "run scripts/install-helm.sh");

    public static string Amtool => Require("amtool", "apt-get install prometheus-alertmanager, or run scripts/install-test-deps.sh");

    public static ToolResult Run(string executable, IEnumerable<string> arguments, string? workingDirectory = null)
    {
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? PackagingPaths.RepoRoot,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {executable}");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{executable} {string.Join(' ', start.ArgumentList)} did not finish within {Timeout.TotalSeconds} s");
        }

        process.WaitForExit();
        return new ToolResult(process.ExitCode, stdout.GetAwaiter().GetResult(), stderr.GetAwaiter().GetResult());
    }

    /// <summary>Runs the tool and fails the test with its output unless it exits with 0.</summary>
    public static ToolResult RunSuccessfully(string executable, params IEnumerable<string> arguments)
    {
        var list = arguments.ToList();
        var result = Run(executable, list);
        Assert.True(result.ExitCode == 0, $"{Path.GetFileName(executable)} {string.Join(' ', list)} failed: {result.Describe()}");
        return result;
    }

    /// <summary>
    /// Runs a long build step (publish, pack, tool install, tar) in the test's working directory, with
    /// <paramref name="environment"/> added, for at most 20 minutes (then its process tree is killed); fails the test
    /// with both outputs unless it exits with 0. Returns its standard output.
    /// </summary>
    public static async Task<string> RunLongSuccessfullyAsync(string file, string[] args, Dictionary<string, string?>? environment = null)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? [])
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)} exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
        return await stdout;
    }

    /// <summary>The full path of <paramref name="name"/> on PATH; fails the test with <paramref name="howToInstall"/> when absent.</summary>
    public static string Require(string name, string howToInstall)
    {
        var path = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, name))
            .FirstOrDefault(File.Exists);
        Assert.True(path is not null, $"'{name}' is not on PATH; the packaging tests need it ({howToInstall}).");
        return path!;
    }
}
