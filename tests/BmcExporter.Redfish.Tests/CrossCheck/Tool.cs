using System.Diagnostics;

namespace BmcExporter.Redfish.Tests.CrossCheck;

/// <summary>Runs an installed reference tool with a time limit; a missing tool fails the test (CI installs them).</summary>
internal static class Tool
{
    public static async Task<string> RunAsync(string file, IReadOnlyDictionary<string, string>? environment, params string[] args)
    {
        if (!File.Exists(file) && !(Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, file))))
        {
            throw new InvalidOperationException($"{file} is not installed: run scripts/install-test-deps.sh (redfishtool, python3-sushy).");
        }

        var psi = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        foreach (var (k, v) in environment ?? new Dictionary<string, string>())
        {
            psi.Environment[k] = v;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {file}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
        var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish in 60 s");
        }

        var output = await stdout;
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} exited {process.ExitCode}: {await stderr}");
    }
}
