namespace BmcExporter.Cli;

/// <summary>
/// <c>bmc-exporter audit</c>: the security posture of one BMC or a fleet, as a report per BMC (table or JSON), with an
/// exit code that can gate CI or provisioning: 0 when no finding is at or above <c>--fail-on</c>, 1 when one is,
/// 2 for a usage or config mistake, 130 when interrupted. The checks are the <c>security</c> collector's.
/// </summary>
internal static class AuditCommand
{
    /// <summary>Exit code when a finding is at or above <c>--fail-on</c>.</summary>
    public const int FindingsExit = 1;

    public static Task<int> RunAsync(string[] args) =>
        RunAsync(args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, TimeProvider.System, CancellationToken.None, handleCtrlC: true);

    /// <summary>The command with its streams, environment and clock injected (tests).</summary>
    internal static async Task<int> RunAsync(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> getEnv,
        TimeProvider time,
        CancellationToken cancellationToken,
        bool handleCtrlC = false)
    {
        if (CliHelp.Wants(args))
        {
            await stdout.WriteAsync(CliHelp.Audit).ConfigureAwait(false);
            return 0;
        }

        AuditOptions options;
        IReadOnlyList<Snapshots.ScrapeTarget> targets;
        try
        {
            options = AuditOptions.Parse(args);
            (targets, var notes) = AuditTargets.Resolve(options, getEnv);
            foreach (var note in notes)
            {
                await stderr.WriteLineAsync($"bmc-exporter audit: {note}").ConfigureAwait(false);
            }
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"bmc-exporter audit: {e.Message}").ConfigureAwait(false);
            return ClientCommands.UsageError;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        if (handleCtrlC)
        {
            Console.CancelKeyPress += onCancel;
        }

        try
        {
            IReadOnlyList<BmcAuditReport> reports;
            await using (var auditor = new BmcAuditor(time))
            {
                reports = await AuditRunner.RunAsync(targets, auditor.AuditAsync, options.Parallel, options.Deadline, time, cts.Token).ConfigureAwait(false);
            }

            var exit = options.FailOn is { } failOn && reports.Any(r => r.Worst >= failOn) ? FindingsExit : 0;
            var text = options.Client.Output == OutputFormat.Json
                ? AuditOutput.Json(reports, options.FailOn, exit)
                : AuditOutput.Table(reports, options.FailOn, exit);
            await stdout.WriteAsync(text).ConfigureAwait(false);
            return exit;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("bmc-exporter audit: cancelled").ConfigureAwait(false);
            return 130;
        }
        finally
        {
            if (handleCtrlC)
            {
                Console.CancelKeyPress -= onCancel;
            }
        }
    }
}
