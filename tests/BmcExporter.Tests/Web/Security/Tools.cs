using System.Diagnostics;

namespace BmcExporter.Tests.Web.Security;

/// <summary>Runs an installed tool (curl, htpasswd) with a bounded wait; a missing tool fails the test.</summary>
internal static class Tools
{
    public static string Run(string file, params string[] args) => RunWithExit(file, args).Output;

    public static (int Exit, string Output, string Error) RunWithExit(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within 30 s");
        }

        return (process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }
}
