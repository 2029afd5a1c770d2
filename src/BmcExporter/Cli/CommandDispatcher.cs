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
            "audit" => await AuditCommand.RunAsync(rest).ConfigureAwait(false),
            "simulate" => await SimulateCommand.RunAsync(rest).ConfigureAwait(false),
            "check-config" when CliHelp.Wants(rest) => Print(CliHelp.CheckConfig),
            "check-config" => await CheckConfigCommand.RunAsync(rest).ConfigureAwait(false),
            "help" => rest.Length == 0 ? Print(CliHelp.Top) : await RunAsync([rest[0], "--help"]).ConfigureAwait(false),
            "--help" or "-h" => Print(CliHelp.Top),
            "--version" or "version" => Print($"bmc-exporter {CliHelp.Version}\n"),
            _ => await ServeCommand.RunAsync(args).ConfigureAwait(false),
        };
    }

    private static int Print(string text)
    {
        Console.Out.Write(text.EndsWith('\n') ? text : text + "\n");
        return 0;
    }
}
