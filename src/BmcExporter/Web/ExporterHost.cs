using BmcExporter.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Web;

/// <summary>Builds the web application serving an <see cref="ExporterRuntime"/> (the service and the tests use it).</summary>
public static class ExporterHost
{
    /// <summary>
    /// Creates the application listening on <paramref name="listenAddress"/> (<c>host:port</c>, <c>:port</c> for
    /// every interface, port 0 for any free port).
    /// </summary>
    public static WebApplication Build(ExporterRuntime runtime, string listenAddress, Action<ILoggingBuilder>? logging = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        if (logging is not null)
        {
            logging(builder.Logging);
        }

        builder.WebHost.UseUrls(ToUrl(listenAddress));
        builder.WebHost.UseShutdownTimeout(TimeSpan.FromSeconds(5));
        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("BmcExporter.Web");
        app.MapExporterEndpoints(runtime, logger);
        return app;
    }

    /// <summary>The Kestrel URL for a listen address (<c>:9290</c> means every interface, as in ipmi_exporter).</summary>
    public static string ToUrl(string listenAddress) =>
        listenAddress.StartsWith(':') ? $"http://0.0.0.0{listenAddress}" : $"http://{listenAddress}";
}
