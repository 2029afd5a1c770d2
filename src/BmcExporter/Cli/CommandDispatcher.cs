namespace BmcExporter.Cli;

/// <summary>
/// Routes the first argument to a subcommand. Anything that is not a known verb (including no argument,
/// <c>--demo</c> and ipmi_exporter-style <c>--config.file</c> flags) starts the exporter service.
/// </summary>
internal static class CommandDispatcher
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 ? args[0] : string.Empty;
        var rest = args.Length > 0 ? args[1..] : [];
        return verb switch
        {
            "sensors" or "sel" or "info" or "chassis" or "fru" => await ClientCommands.RunAsync(verb, rest).ConfigureAwait(false),
            "simulate" => await SimulateCommand.RunAsync(rest).ConfigureAwait(false),
            "check-config" => await CheckConfigCommand.RunAsync(rest).ConfigureAwait(false),
            "help" or "--help" or "-h" => Usage(),
            _ => await ServeCommand.RunAsync(args).ConfigureAwait(false),
        };
    }

    private static int Usage()
    {
        Console.Out.WriteLine("""
            bmc-exporter — IPMI/BMC hardware health exporter for Prometheus and OpenTelemetry

            Usage:
              bmc-exporter [--config.file FILE] [--web.listen-address ADDR] [--demo]   run the exporter
              bmc-exporter check-config FILE                                          validate a config file
              bmc-exporter sensors|sel|info|chassis|fru --target HOST[:PORT] --user NAME
                           (--password-file FILE | --password-env VAR) [--privilege user|operator|admin]
                           [--cipher-suite N[,N...]] [--output table|json]            query one BMC
              bmc-exporter simulate --bmcs N --port-base P [options]                  run a simulated BMC fleet
            """);
        return 0;
    }
}
