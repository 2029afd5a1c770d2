using System.Text.Json;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Ipmi.Session;

namespace BmcExporter.Cli;

/// <summary>
/// <c>bmc-exporter sensors|sel|info|chassis|fru</c>: one-shot queries of a single BMC over the native client, in the
/// spirit of ipmitool, for debugging a BMC. Every failure is one line on stderr and a non-zero exit code.
/// </summary>
internal static partial class ClientCommands
{
    /// <summary>Exit code for a usage mistake (bad flag, missing password source).</summary>
    public const int UsageError = 2;

    /// <summary>Exit code for a failure talking to the BMC (unreachable, wrong password, refused).</summary>
    public const int BmcError = 1;

    public static Task<int> RunAsync(string verb, string[] args) =>
        RunAsync(verb, args, Console.Out, Console.Error, Environment.GetEnvironmentVariable, CancellationToken.None, !Console.IsErrorRedirected);

    internal static async Task<int> RunAsync(
        string verb,
        string[] args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, string?> getEnv,
        CancellationToken cancellationToken,
        bool progressOnTerminal = false)
    {
        if (CliHelp.Wants(args))
        {
            await stdout.WriteAsync(CliHelp.Client(verb)).ConfigureAwait(false);
            return 0;
        }

        ClientCommandOptions options;
        try
        {
            if (RedfishCommandOptions.TakeProtocol(ref args))
            {
                return await RunRedfishAsync(verb, args, stdout, stderr, getEnv, cancellationToken).ConfigureAwait(false);
            }

            options = ClientCommandOptions.Parse(args, getEnv) with { ProgressOnTerminal = progressOnTerminal };
            if (options.Watch is not null && verb != "sensors")
            {
                throw new CliUsageException("--watch only works with the sensors command");
            }
        }
        catch (CliUsageException e)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: {e.Message}").ConfigureAwait(false);
            return UsageError;
        }

        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            cts.Cancel();
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            await using var session = await IpmiSession.OpenAsync(ToSessionOptions(options), cts.Token).ConfigureAwait(false);
            switch (verb)
            {
                case "sensors":
                    await SensorsAsync(session, options, stdout, stderr, cts.Token).ConfigureAwait(false);
                    break;
                case "sel":
                    await SelAsync(session, options, stdout, cts.Token).ConfigureAwait(false);
                    break;
                case "info":
                    await InfoAsync(session, options, stdout, cts.Token).ConfigureAwait(false);
                    break;
                case "chassis":
                    await ChassisAsync(session, options, stdout, cts.Token).ConfigureAwait(false);
                    break;
                case "fru":
                    return await FruAsync(session, options, stdout, stderr, cts.Token).ConfigureAwait(false);
                default:
                    await stderr.WriteLineAsync($"bmc-exporter: unknown command '{verb}'").ConfigureAwait(false);
                    return UsageError;
            }

            return 0;
        }
        catch (Exception e) when (e is IpmiException or IpmiProtocolException or IpmiCompletionCodeException)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: {e.Message}").ConfigureAwait(false);
            return BmcError;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (System.Net.Sockets.SocketException e)
        {
            await stderr.WriteLineAsync($"bmc-exporter {verb}: {options.Host}:{options.Port}: {e.Message}").ConfigureAwait(false);
            return BmcError;
        }
        catch (Exception e) when (e is not OperationCanceledException and not OutOfMemoryException)
        {
            // Still one line, never a stack trace: a person debugging a BMC needs the message, not our internals.
            await stderr.WriteLineAsync($"bmc-exporter {verb}: {options.Host}:{options.Port}: unexpected {e.GetType().Name}: {e.Message}").ConfigureAwait(false);
            return BmcError;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    internal static IpmiSessionOptions ToSessionOptions(ClientCommandOptions o) => new()
    {
        Host = o.Host,
        Port = o.Port,
        UserName = o.User,
        Password = IpmiSecret.FromBytes(o.Password),
        Privilege = o.Privilege switch
        {
            "admin" => PrivilegeLevel.Administrator,
            "operator" => PrivilegeLevel.Operator,
            _ => PrivilegeLevel.User,
        },
        CipherSuites = o.CipherSuites,
        AllowCipherSuite0 = o.AllowCipherSuite0 && o.CipherSuites.Contains((byte)0),
        RequestTimeout = o.Timeout,
        Retries = o.Retries,
    };

    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true };

    private static async Task WriteJsonAsync(TextWriter stdout, Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            write(writer);
        }

        await stdout.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray())).ConfigureAwait(false);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string Format(double? value) =>
        value is { } v ? v.ToString(Math.Abs(v - Math.Round(v)) < 1e-9 ? "0" : "0.###", System.Globalization.CultureInfo.InvariantCulture) : "na";
}
