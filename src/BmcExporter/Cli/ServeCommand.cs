using System.Runtime.InteropServices;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Logging;
using BmcExporter.Otlp;
using BmcExporter.Sessions;
using BmcExporter.State;
using BmcExporter.Web;
using BmcExporter.Web.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace BmcExporter.Cli;

/// <summary>
/// Runs the exporter service: loads the config (or, with <c>--demo</c>, starts a simulated fleet in-process
/// and scrapes it), serves HTTP, reloads on SIGHUP and <c>POST /-/reload</c>, stops on SIGINT/SIGTERM.
/// </summary>
internal static partial class ServeCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var parsed = ServeOptionsParser.Parse(args);
        if (parsed.Options is not { } options)
        {
            await Console.Error.WriteLineAsync($"bmc-exporter: {parsed.Error}").ConfigureAwait(false);
            return 2;
        }

        using var loggers = LoggerFactory.Create(b => ConfigureLogging(b, options));
        var logger = loggers.CreateLogger("BmcExporter");
        foreach (var warning in parsed.Warnings)
        {
            Log.ConfigWarning(logger, warning);
        }

        await using var demo = options.Demo ? await DemoFleet.StartAsync(options, logger).ConfigureAwait(false) : null;
        ConfigSource? source = null;
        ExporterConfig config;
        if (demo is not null)
        {
            config = demo.Config;
        }
        else
        {
            // ConfigSource.Reload never throws: a bad file is a list of located errors and exit code 1.
            source = new ConfigSource(options);
            var loaded = source.Reload();
            foreach (var warning in loaded.Warnings)
            {
                Log.ConfigWarning(logger, warning.ToString());
            }

            if (loaded.Config is null)
            {
                foreach (var error in loaded.Errors)
                {
                    await Console.Error.WriteLineAsync(error.ToString()).ConfigureAwait(false);
                }

                return 1;
            }

            config = loaded.Config;
            Log.ConfigLoaded(logger, config.SourcePath ?? "(built-in default)", config.Targets.Count, config.Modules.Count);
        }

        WebSecurity security;
        try
        {
            security = options.WebConfigFile is null ? WebSecurity.Off(logger) : WebSecurity.Load(options.WebConfigFile, TimeProvider.System, logger);
        }
        catch (WebConfigException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 1;
        }

        if (TargetStateStore.CheckDirectory(config.StateDir) is { } stateProblem)
        {
            await Console.Error.WriteLineAsync($"bmc-exporter: state directory {config.StateDir} is not usable: {stateProblem} (fix its permissions, or change --state.dir or state_dir)").ConfigureAwait(false);
            security.Dispose();
            return 1;
        }

        using var webSecurity = security;
        await using var sessions = new IpmiSessionFactory(TimeProvider.System);
        await using var runtime = new ExporterRuntime(config, sessions, DefaultCollectors.Create(), TimeProvider.System, loggers, source is null ? null : source.Reload);
        await using var otlp = config.Otlp.Enabled
            ? new OtlpOutput(config.Otlp, runtime.State.Directory, TimeProvider.System, loggers.CreateLogger("BmcExporter.Otlp"))
            : null;
        using var selfTelemetry = config.Otlp.Enabled ? SelfTelemetry.Start(config.Otlp) : null;
        if (otlp is not null)
        {
            runtime.Store.SnapshotStored += otlp.Publish;
            runtime.Store.SnapshotRemoved += otlp.RemoveTarget;
            otlp.Start();
        }

        // Signals are taken before the port opens: whoever sees the exporter answer may already send SIGHUP, and a
        // SIGHUP without a handler would end the process. A reload asked for before the runtime has started waits
        // for it.
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var signals = RegisterSignals(runtime, logger, started.Task, stop);
        await using var app = ExporterHost.Build(runtime, config.ListenAddress, b => ConfigureLogging(b, options), security);
        try
        {
            await app.StartAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Kestrel's message already names the address ("Failed to bind to address http://...: address already in use.").
            await Console.Error.WriteLineAsync($"bmc-exporter: cannot listen: {ex.Message} (change --web.listen-address)").ConfigureAwait(false);
            return 1;
        }

        await runtime.StartAsync().ConfigureAwait(false);
        started.TrySetResult();
        Log.Listening(logger, config.ListenAddress);
        await stop.Task.ConfigureAwait(false);
        await app.StopAsync().ConfigureAwait(false);

        // Stop scraping first, so the last snapshots reach the outputs, then flush OTLP after them (never before).
        await runtime.DisposeAsync().ConfigureAwait(false);
        if (otlp is not null)
        {
            await otlp.DisposeAsync().ConfigureAwait(false);
        }

        return 0;
    }

    internal static void ConfigureLogging(ILoggingBuilder builder, ServeOptions options)
    {
        builder.SetMinimumLevel(options.LogLevel);

        // A full console queue (stdout not read fast enough: a stalled pipe, a slow log driver) drops lines, and the
        // console logger says how many, instead of blocking the caller: a caller can be a UDP receive thread that
        // resumes scrapes (docs/transport.md), and a blocked one would stall every session on its socket.
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.QueueFullMode = ConsoleLoggerQueueFullMode.DropWrite);
        if (options.LogFormat == "json")
        {
            // One JSON object per line, with a UTC timestamp (the formatter writes none without a format).
            builder.AddJsonConsole(o =>
            {
                o.TimestampFormat = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";
                o.UseUtcTimestamp = true;
            });
        }
        else
        {
            builder.Services.AddSingleton<ConsoleFormatter>(new LogfmtFormatter(TimeProvider.System));
            builder.AddConsole(o => o.FormatterName = LogfmtFormatter.FormatterName);
        }

        // Kestrel and routing are chatty at Information; the exporter's own messages are what operators want. The
        // host's "Hosting failed to start" repeats, with a stack trace, the start-up error printed as one line.
        builder.AddFilter("Microsoft", LogLevel.Warning);
        builder.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
    }

    /// <summary>
    /// A reload asked for by a signal: logged when it starts, and awaited so nothing it throws goes unobserved.
    /// A rejected file is logged by the runtime, which also sets the reload-success gauge to 0.
    /// </summary>
    internal static async Task ReloadOnSignalAsync(ExporterRuntime runtime, ILogger logger, string signal)
    {
        ReloadRequested(logger, signal);
        try
        {
            await runtime.ReloadAsync().ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            ReloadFailed(logger, signal, ex);
        }
    }

    [LoggerMessage(EventId = 1510, Level = LogLevel.Information, Message = "{Signal} received: reloading the configuration")]
    private static partial void ReloadRequested(ILogger logger, string signal);

    [LoggerMessage(EventId = 1511, Level = LogLevel.Error, Message = "Configuration reload after {Signal} failed")]
    private static partial void ReloadFailed(ILogger logger, string signal, Exception exception);

    /// <summary>SIGINT and SIGTERM complete <paramref name="stop"/>; SIGHUP reloads once <paramref name="started"/> is done.</summary>
    private static SignalRegistrations RegisterSignals(ExporterRuntime runtime, ILogger logger, Task started, TaskCompletionSource stop)
    {
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stop.TrySetResult();
        }

        async Task ReloadWhenStartedAsync()
        {
            await started.ConfigureAwait(false);
            await ReloadOnSignalAsync(runtime, logger, "SIGHUP").ConfigureAwait(false);
        }

        return new SignalRegistrations(
            PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop),
            PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            {
                context.Cancel = true;
                _ = ReloadWhenStartedAsync();
            }));
    }

    private sealed class SignalRegistrations(params PosixSignalRegistration[] registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
