using System.Runtime.InteropServices;
using BmcExporter.Simulator.Fleet;

namespace BmcExporter.Cli;

/// <summary><c>bmc-exporter simulate</c>: serves a simulated BMC fleet until Ctrl-C or SIGTERM.</summary>
internal static class SimulateCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            Console.Out.WriteLine(SimulateArguments.Usage);
            return 0;
        }

        FleetOptions options;
        try
        {
            options = SimulateArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync($"simulate: {ex.Message}").ConfigureAwait(false);
            await Console.Error.WriteLineAsync(SimulateArguments.Usage).ConfigureAwait(false);
            return 2;
        }

        using var stop = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            stop.Cancel();
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            stop.Cancel();
        });

        SimulatedFleet fleet;
        try
        {
            fleet = await SimulatedFleet.StartAsync(options, stop.Token).ConfigureAwait(false);
        }
        catch (InvalidOperationException ex)
        {
            await Console.Error.WriteLineAsync($"simulate: {ex.Message}").ConfigureAwait(false);
            return 1;
        }

        await using (fleet.ConfigureAwait(false))
        {
            var first = fleet.Endpoints[0];
            var last = fleet.Endpoints[^1];
            Console.Out.WriteLine($"Simulating {fleet.Endpoints.Length} BMC(s), profile {fleet.Profile.Name} ({fleet.Profile.SensorCount} sensors), on {first.Address} UDP {first.Port}{(fleet.Endpoints.Length > 1 ? $"-{last.Port}" : "")}.");
            if (options.UserName is null)
            {
                // Generated on purpose for this run, and printed so the operator can use it (issue: simulate).
                Console.Out.WriteLine($"Generated USER account: user {fleet.Credentials.UserName} password {fleet.Credentials.Password}");
            }
            else
            {
                Console.Out.WriteLine($"USER account: {fleet.Credentials.UserName} (password from --password-file)");
            }

            Console.Out.WriteLine("Press Ctrl-C to stop.");
            try
            {
                await Task.Delay(Timeout.Infinite, stop.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                Console.Out.WriteLine($"Stopping: {fleet.Statistics}.");
            }
        }

        return 0;
    }
}
