using System.Reflection;

namespace BmcExporter.Cli;

/// <summary>
/// The help of every command: <c>bmc-exporter --help</c> lists every command and every flag of the service;
/// <c>bmc-exporter COMMAND --help</c> (or <c>help COMMAND</c>) every flag of one command. Tests check that each
/// flag a parser accepts is listed here.
/// </summary>
internal static class CliHelp
{
    /// <summary>The version as <c>--version</c> prints it: the package version and, when built from git, the commit.</summary>
    public static string Version =>
        typeof(CliHelp).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public const string Top = """
        bmc-exporter — server BMC (IPMI) health for Prometheus and OpenTelemetry

        Usage:
          bmc-exporter [FLAGS]                       run the exporter service
          bmc-exporter COMMAND [FLAGS]               run one command
          bmc-exporter COMMAND --help                every flag of COMMAND
          bmc-exporter --version                     print the version

        Commands:
          check-config FILE     validate a config file and its target files, warn on settings that do nothing;
                                --probe also asks each BMC
          audit                 security posture of one BMC or a fleet: findings, severities, fixes; exit 1 to gate CI
          sensors               read every sensor of one BMC (type, value, state, thresholds); --watch repeats
          sel                   read the System Event Log of one BMC
          info                  BMC identity: firmware, IPMI version, manufacturer
          chassis               power state, faults, last power event, restart cause
          fru                   FRU inventory (board, product, chassis)
          simulate              serve simulated BMCs for experiments and load tests
          help [COMMAND]        this text, or the help of COMMAND

        Service flags (ipmi_exporter spellings; --flag=value or --flag value):
          --config.file FILE          exporter.yaml or an ipmi_exporter config (default: built-in, no targets)
          --web.listen-address ADDR   HOST:PORT or :PORT to serve /metrics, /ipmi, /sd, the fleet page (default :9290)
          --web.config.file FILE      TLS, client certificates, basic auth (exporter-toolkit format, docs/web-config.md)
          --state.dir DIR             where SEL cursors, SDR caches and the OTLP queue persist (overrides state_dir)
          --shard N|auto              this replica's shard, or auto from the StatefulSet pod ordinal
          --shards N                  number of replicas sharing the targets
          --log.level LEVEL           debug, info, warn or error (default info)
          --log.format FORMAT         logfmt or json (default logfmt)
          --demo                      start a simulated fleet in-process and scrape it
          --native-ipmi, --freeipmi.path PATH
                                      accepted for ipmi_exporter command lines; no effect
          -h, --help                  this text
          --version                   print the version

        Pages: / (fleet health), /target?key=, /api/fleet, /api/targets, /api/target?key=, /metrics, /ipmi, /sd,
        /healthz, /readyz (ready once the first round finished or timed out), POST /-/reload.
        """;

    private const string ClientFlags = """
          --target, -H HOST[:PORT]      the BMC (port 623 unless given; IPv6 as [addr]:port)
          --user, -U NAME               user name (at most 16 bytes)
          --password-file FILE          read the password from FILE (a trailing newline is ignored)
          --password-env VAR            read the password from environment variable VAR
          --privilege, -L LEVEL         user, operator or admin (default user)
          --cipher-suite, -C N[,N...]   cipher suites to offer, in order (default 17,3); 0 needs --allow-cipher-suite-0
          --allow-cipher-suite-0        allow suite 0 (no authentication, no integrity, no encryption)
          --output, -o FORMAT           table or json (default table)
          --timeout SECONDS             per-request timeout (default 2)
          --retries N                   retransmissions per request, 0..10 (default 3)
          --bridge-sensors              also read sensors owned by other controllers (bridged requests)
          -h, --help                    this text
        """;

    /// <summary>The help of a client command.</summary>
    public static string Client(string verb) => verb switch
    {
        "sensors" => $"""
            bmc-exporter sensors — every sensor of one BMC with type, value, unit, state and thresholds

            Usage: bmc-exporter sensors --target HOST[:PORT] --user NAME (--password-file FILE | --password-env VAR) [flags]

            {ClientFlags}
              --watch [SECONDS]             read again every SECONDS (default 5) until Ctrl-C; the table is redrawn
            """,
        "sel" => $"""
            bmc-exporter sel — the System Event Log of one BMC, oldest first, with severity

            Usage: bmc-exporter sel --target HOST[:PORT] --user NAME (--password-file FILE | --password-env VAR) [flags]

            {ClientFlags}
            """,
        "info" => $"""
            bmc-exporter info — BMC identity (Get Device ID): firmware, IPMI version, manufacturer name and ID, product

            Usage: bmc-exporter info --target HOST[:PORT] --user NAME (--password-file FILE | --password-env VAR) [flags]

            {ClientFlags}
            """,
        "chassis" => $"""
            bmc-exporter chassis — power state, power restore policy, faults, intrusion, the last power event and the
            restart cause (Get System Restart Cause; "not supported (completion code ...)" when the BMC refuses it)

            Usage: bmc-exporter chassis --target HOST[:PORT] --user NAME (--password-file FILE | --password-env VAR) [flags]

            {ClientFlags}
            """,
        _ => $"""
            bmc-exporter fru — FRU inventory: chassis, board and product areas of every FRU device

            The devices the exporter's fru collector reads: FRU 0, then every logical FRU device a FRU Device Locator of
            the SDR repository names at the BMC, in record order. The table is laid out as ipmitool fru print's; JSON is
            an array with one object per device ("present": false and the BMC's answer for a device it says is not
            there). Exit 1, after printing what was read, when a device failed or the SDR could not be read to its end;
            exit 1 with "HOST:PORT has no FRU data" and each device's answer on stderr when no device has FRU data.

            Usage: bmc-exporter fru --target HOST[:PORT] --user NAME (--password-file FILE | --password-env VAR) [flags]

            {ClientFlags}
            """,
    };

    /// <summary>The help of <c>bmc-exporter audit</c>.</summary>
    public const string Audit = """
        bmc-exporter audit — security posture of the IPMI port of one BMC or a fleet, with a fix for each finding

        Usage: bmc-exporter audit --target HOST[:PORT] --user NAME (--password-file FILE | --password-env VAR) [flags]
               bmc-exporter audit --targets-file FILE --user NAME (--password-file FILE | --password-env VAR) [flags]
               bmc-exporter audit --config FILE [--module NAME] [--target HOST[:PORT] | --targets-file FILE] [flags]

        Checks (the security collector's, docs/security.md): cipher suites listed, a cipher suite 0 login, IPMI 1.5
        authentication capabilities (anonymous login, null user, 1.5 types, per-message and user-level authentication),
        the session's privilege, and with --default-password-check vendor-default passwords (RAKP 2 tested offline).
        Each finding has a severity (critical, warning, info) and a one-sentence fix. A BMC that cannot be read
        (unreachable, login refused, out of time) is a critical finding: its posture is unknown.

        Exit codes: 0 no finding at or above --fail-on; 1 at least one; 2 usage or config error; 130 interrupted.

        Targets and credentials:
          --target, -H HOST[:PORT]      one BMC (port 623 unless given; IPv6 as [addr]:port)
          --targets-file FILE           every BMC of a target file ('host[:port] [module]' lines, or YAML)
          --config, --config.file FILE  exporter.yaml: its modules give user, password and session settings; without
                                        --target or --targets-file, every target of the file (and its target_files)
          --module NAME                 with --config: only targets of module NAME, or the module of --target (default 'default')
          --user, -U NAME               user name (at most 16 bytes); not with --config
          --password-file FILE          read the password from FILE (a trailing newline is ignored)
          --password-env VAR            read the password from environment variable VAR
                                        (--password is refused: argv is visible to every local user)
        Session (not with --config, whose module sets them):
          --privilege, -L LEVEL         user, operator or admin (default user)
          --cipher-suite, -C N[,N...]   cipher suites to offer, in order (default 17,3); 0 needs --allow-cipher-suite-0
          --allow-cipher-suite-0        allow suite 0 for the audit's own session
          --timeout SECONDS             per-request timeout (default 2)
          --retries N                   retransmissions per request, 0..10 (default 3)
        Run:
          --default-password-check      test vendor-default passwords on every BMC (may leave SEL session-audit entries)
          --fail-on SEVERITY            critical, warning, info or never: lowest severity that exits 1 (default critical)
          --parallel N                  BMCs audited at once, 1..256 (default 8)
          --deadline SECONDS            time allowed per BMC, up to 3600 (default 30); a BMC out of time is a finding
          --output, -o FORMAT           table or json (default table)
          -h, --help                    this text
        """;

    /// <summary>The help of <c>bmc-exporter check-config</c>.</summary>
    public const string CheckConfig = """
        bmc-exporter check-config — validate a config file and its target files without starting

        Usage: bmc-exporter check-config [--probe] [--strict] FILE
               bmc-exporter check-config [--probe] [--strict] --config.file FILE

        Prints "ok" and one "warning:" line per setting that does nothing, or one located error per line.
        Without --probe, settings inert whatever the BMC: unknown or not-applicable workaround flags, flags the client
        always applies, allow_cipher_suite_0 without suite 0, an all-zero K_g, filters of collectors that are off.
        Secrets are never printed.
          --probe       also connect to every IPMI target (8 at a time, each within scrape.timeout, passwords as the
                        config says), scrape it once and warn, per target, about settings that do nothing there:
                        collectors it answers as unsupported; cipher_suites it does not list (Get Channel Cipher Suites);
                        a privilege it does not grant; sel_events without a readable SEL; sensor filters matching no
                        sensor of its SDR; bridge_sensors; workarounds whose quirk it does not show (nochecksumcheck,
                        intel20, ignorescanningdisabled, assumesystemevent, assumemaxsdrrecordcount, assumebmcowner,
                        discretereading); a K_g that does nothing or breaks the login, or one the BMC needs
                        (docs/configuration.md says what each check looks at). A check that could not run there
                        (a suite list the BMC refuses, an SDR not read completely, a Redfish target) is a "note:"
                        line, not a warning
          --strict      exit 1 when there is any warning (notes do not count)
          -h, --help    this text

        Exit codes: 0 the config loads (warnings allowed without --strict); 1 errors, or warnings with --strict;
        2 usage mistake.
        """;

    /// <summary><c>true</c> when <paramref name="args"/> asks for help.</summary>
    public static bool Wants(IReadOnlyList<string> args) => args.Any(a => a is "--help" or "-h");
}
