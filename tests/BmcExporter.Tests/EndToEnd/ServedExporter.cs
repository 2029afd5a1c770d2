using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Sessions;
using Microsoft.AspNetCore.Builder;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// The exporter as the end-to-end tests run it: a runtime on <see cref="SimulatorFixture.Runtime"/>'s options with real
/// IPMI sessions, served on a loopback port, and a client for it. Disposing stops them in reverse order of starting.
/// </summary>
internal sealed class ServedExporter : IAsyncDisposable
{
    private readonly IpmiSessionFactory _sessions;
    private readonly WebApplication _app;

    private ServedExporter(IpmiSessionFactory sessions, ExporterRuntime runtime, WebApplication app, HttpClient client)
    {
        _sessions = sessions;
        Runtime = runtime;
        _app = app;
        Client = client;
    }

    public ExporterRuntime Runtime { get; }

    /// <summary>A client whose base address is the exporter's.</summary>
    public HttpClient Client { get; }

    /// <summary>Serves <paramref name="config"/>; the runtime is not started (on-demand scrapes work without it).</summary>
    public static async Task<ServedExporter> StartAsync(ExporterConfig config)
    {
        var sessions = new IpmiSessionFactory(TimeProvider.System);
        ExporterRuntime? runtime = null;
        try
        {
            runtime = SimulatorFixture.Runtime(config, sessions);
            var (app, client) = await SimulatorFixture.ServeAsync(runtime);
            return new ServedExporter(sessions, runtime, app, client);
        }
        catch
        {
            if (runtime is not null)
            {
                await runtime.DisposeAsync();
            }

            await sessions.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Serves <paramref name="config"/> (background mode) with the runtime started and every target scraped once, so
    /// the fleet pages hold a snapshot of each.
    /// </summary>
    public static async Task<ServedExporter> StartScrapedAsync(ExporterConfig config)
    {
        var served = await StartAsync(config);
        try
        {
            await served.Runtime.StartAsync();
            await SimulatorFixture.ScrapeEveryTargetAsync(served.Runtime, config);
            return served;
        }
        catch
        {
            await served.DisposeAsync();
            throw;
        }
    }

    public void Deconstruct(out ExporterRuntime runtime, out HttpClient client)
    {
        runtime = Runtime;
        client = Client;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.DisposeAsync();
        await Runtime.DisposeAsync();
        await _sessions.DisposeAsync();
    }
}
