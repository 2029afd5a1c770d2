using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Net;
using BmcExporter.Simulator.Fleet;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Simulator.Redfish;

/// <summary>
/// One Kestrel server for the whole fleet with one HTTPS port per BMC (BMC i on PortBase + i): clients address a
/// BMC by host:port exactly as a real one, and the local port of a connection names the BMC. Resources are
/// computed per request, so a BMC costs its listening socket and a few hundred bytes of state.
/// </summary>
internal sealed class RedfishFleetServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly bool _ownsCertificates;

    private RedfishFleetServer(WebApplication app, ImmutableArray<IPEndPoint> endpoints, RedfishCertificates certificates, bool ownsCertificates, RedfishServerStatistics statistics)
    {
        _app = app;
        Endpoints = endpoints;
        Certificates = certificates;
        _ownsCertificates = ownsCertificates;
        Statistics = statistics;
    }

    public ImmutableArray<IPEndPoint> Endpoints { get; }

    public RedfishCertificates Certificates { get; }

    public RedfishServerStatistics Statistics { get; }

    public static async Task<RedfishFleetServer> StartAsync(FleetContext fleet, int bmcCount, IPAddress bind, RedfishServerOptions options, CancellationToken cancellationToken)
    {
        options.Validate(bmcCount);
        IRedfishResources resources = options.MockupDirectory is { } dir ? new MockupResources(dir) : new ProfileResources(fleet, options);
        var owns = options.Certificates is null;
        var certificates = options.Certificates ?? RedfishCertificates.Generate(TimeProvider.System);
        var listens = new List<ListenOptions>(bmcCount);
        var statistics = new RedfishServerStatistics();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // No appsettings.json watch: by default the host watches its working directory recursively for it.
            Args = ["--hostBuilder:reloadConfigOnChange=false"],
            ContentRootPath = AppContext.BaseDirectory,
            ApplicationName = typeof(RedfishFleetServer).Assembly.GetName().Name,
        });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = 64 * 1024;
            for (var i = 0; i < bmcCount; i++)
            {
                k.Listen(bind, options.PortBase == 0 ? 0 : options.PortBase + i, l =>
                {
                    l.Protocols = HttpProtocols.Http1AndHttp2;
                    l.UseHttps(certificates.Server);
                    l.Use(next => connection =>
                    {
                        statistics.OnConnection();
                        return next(connection);
                    });
                    listens.Add(l);
                });
            }
        });
        var app = builder.Build();
        var bmcs = Enumerable.Range(0, bmcCount).Select(i => new RedfishBmcState(i, fleet.Seed, options, fleet.Time)).ToArray();
        var ports = new PortMap();
        var handler = new RedfishRequestHandler(fleet, options, resources, bmcs, ports, statistics);
        app.Run(handler.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"Cannot bind the Redfish HTTPS ports ({bind}, port base {options.PortBase}): {ex.Message}", ex);
        }

        // Kestrel replaces a port-0 endpoint by the bound one once listening.
        var endpoints = listens.Select(l => l.IPEndPoint!).ToImmutableArray();
        ports.Set(endpoints.Select((e, i) => (e.Port, i)).ToFrozenDictionary(x => x.Port, x => x.i));
        return new RedfishFleetServer(app, endpoints, certificates, owns, statistics);
    }

    /// <summary>Local port → BMC index, filled in once Kestrel has bound the (possibly port-0) endpoints.</summary>
    internal sealed class PortMap
    {
        private volatile FrozenDictionary<int, int> _ports = FrozenDictionary<int, int>.Empty;

        public void Set(FrozenDictionary<int, int> ports) => _ports = ports;

        public bool TryGetValue(int port, out int bmc) => _ports.TryGetValue(port, out bmc);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None).ConfigureAwait(false);
        await _app.DisposeAsync().ConfigureAwait(false);
        if (_ownsCertificates)
        {
            Certificates.Dispose();
        }
    }
}
