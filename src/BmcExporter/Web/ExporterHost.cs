using System.Net;
using System.Net.Security;
using BmcExporter.Engine;
using BmcExporter.Output.Health;
using BmcExporter.Output.Prometheus;
using BmcExporter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web;

/// <summary>
/// Builds the web application serving an <see cref="ExporterRuntime"/> (the service and the tests use it), and
/// wires the Prometheus outputs to it: the fleet view follows the background schedule and renders each stored
/// snapshot once; the engine never learns that they exist.
/// </summary>
public static class ExporterHost
{
    /// <summary>
    /// Creates the application listening on <paramref name="listenAddress"/> (<c>host:port</c>, <c>:port</c> for
    /// every interface, port 0 for any free port), with TLS, client certificates, basic auth and headers as
    /// <paramref name="security"/> (the <c>--web.config.file</c>) says; without it, plain HTTP and no authentication.
    /// </summary>
    public static WebApplication Build(ExporterRuntime runtime, string listenAddress, Action<ILoggingBuilder>? logging = null, WebSecurity? security = null)
    {
        ArgumentNullException.ThrowIfNull(runtime);
        ArgumentNullException.ThrowIfNull(listenAddress);
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // The exporter's settings come from its own files and flags, never from appsettings.json. By default the
            // host reads appsettings*.json from the working directory and watches that directory recursively for
            // them: started from "/" (a systemd service's default) that took 15 s and 47,000 inotify watches, and
            // every file written anywhere below woke the watcher thread.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
        });
        foreach (var json in builder.Configuration.Sources.OfType<JsonConfigurationSource>().ToList())
        {
            builder.Configuration.Sources.Remove(json);
        }

        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        // The listen address is --web.listen-address (or listen_address) alone. Microsoft's ASP.NET Core images set
        // ASPNETCORE_HTTP_PORTS=8080, which the host would otherwise report at every start as overridden (warn).
        builder.WebHost.UseSetting(WebHostDefaults.HttpPortsKey, string.Empty);
        builder.WebHost.UseSetting(WebHostDefaults.HttpsPortsKey, string.Empty);
        var web = security?.StartConfig;
        if (web?.Tls is null)
        {
            builder.WebHost.UseUrls(ToUrl(listenAddress));
        }

        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            // HTTP/2 only with TLS (as the exporter toolkit's http2 setting): on plain HTTP Kestrel would serve
            // HTTP/1.1 anyway and warn at every start that it cannot negotiate HTTP/2.
            kestrel.ConfigureEndpointDefaults(l => l.Protocols = web?.Tls is not null && web.Http2 ? HttpProtocols.Http1AndHttp2 : HttpProtocols.Http1);
            if (web?.Tls is not null)
            {
                // Every connection takes its TLS options from the web config in force, so rotated certificates apply
                // without a restart.
                var protocols = web.Http2 ? new List<SslApplicationProtocol> { SslApplicationProtocol.Http2, SslApplicationProtocol.Http11 } : [SslApplicationProtocol.Http11];
                var (address, port) = ListenEndpoint(listenAddress);
                kestrel.Listen(address, port, l => l.UseHttps(new TlsHandshakeCallbackOptions
                {
                    OnConnection = _ =>
                    {
                        var options = security!.ServerOptions();
                        options.ApplicationProtocols = protocols;
                        return ValueTask.FromResult(options);
                    },
                }));
            }
        });
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        builder.Services.AddSingleton(_ => Outputs.Create(runtime));
        var app = builder.Build();
        if (security is not null)
        {
            app.Use(new BasicAuthentication(security).InvokeAsync);
        }
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BmcExporter.Web");
        app.MapExporterEndpoints(runtime, app.Services.GetRequiredService<Outputs>(), logger);
        return app;
    }

    /// <summary>The address and port Kestrel binds for a listen address (<c>:port</c> and host names other than localhost: every IPv4 interface, as <see cref="ToUrl"/>).</summary>
    internal static (IPAddress Address, int Port) ListenEndpoint(string listenAddress)
    {
        var colon = listenAddress.LastIndexOf(':');
        var host = listenAddress[..colon].Trim('[', ']');
        var port = int.Parse(listenAddress.AsSpan(colon + 1), System.Globalization.CultureInfo.InvariantCulture);
        var address = host.Length == 0 ? IPAddress.Any
            : host == "localhost" ? IPAddress.Loopback
            : IPAddress.TryParse(host, out var ip) ? ip : IPAddress.Any;
        return (address, port);
    }

    /// <summary>The Kestrel URL for a listen address (<c>:9290</c> means every interface, as in ipmi_exporter).</summary>
    public static string ToUrl(string listenAddress)
    {
        ArgumentNullException.ThrowIfNull(listenAddress);
        return listenAddress.StartsWith(':') ? $"http://0.0.0.0{listenAddress}" : $"http://{listenAddress}";
    }
}

/// <summary>The Prometheus outputs of one runtime; disposed with the web application.</summary>
public sealed class Outputs : IDisposable
{
    private readonly ExporterRuntime _runtime;

    private Outputs(ExporterRuntime runtime)
    {
        _runtime = runtime;
        Fleet = new FleetView(runtime.Store, runtime.Stats);
        Self = new SelfMetrics(Figures, Fleet);
        Health = new FleetHealth(runtime.Store, runtime.Time);
        runtime.Scheduler.ScheduleChanged += Fleet.SetMembers;
        runtime.Scheduler.ScheduleChanged += Health.SetMembers;
        Fleet.SetMembers(runtime.Scheduler.Keys);
        Health.SetMembers(runtime.Scheduler.Keys);
    }

    /// <summary>The fleet <c>/metrics</c> view.</summary>
    public FleetView Fleet { get; }

    /// <summary>The fleet health page's model.</summary>
    public FleetHealth Health { get; }

    /// <summary>Process-wide families.</summary>
    public SelfMetrics Self { get; }

    /// <summary>Wires outputs to <paramref name="runtime"/>.</summary>
    public static Outputs Create(ExporterRuntime runtime) => new(runtime);

    /// <inheritdoc />
    public void Dispose()
    {
        _runtime.Scheduler.ScheduleChanged -= Fleet.SetMembers;
        _runtime.Scheduler.ScheduleChanged -= Health.SetMembers;
        Fleet.Dispose();
        Health.Dispose();
        Self.Dispose();
    }

    private ProcessFigures Figures() => new(
        _runtime.Scheduler.Count,
        _runtime.Coordinator.InFlight,
        _runtime.Coordinator.MaxConcurrency,
        _runtime.LastReloadSuccessful,
        _runtime.LastSuccessfulLoad);
}
