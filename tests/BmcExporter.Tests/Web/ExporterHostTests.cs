using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Tests.Otlp;
using BmcExporter.Web;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Web;

/// <summary>What the web host takes from its surroundings: its own settings only, and no file watching.</summary>
public sealed class ExporterHostTests
{
    [Fact]
    public async Task Build_ReadsNoAppSettingsFileAndWatchesNoDirectory()
    {
        // dotnet test runs in the output directory, which was the host's default content root: an appsettings.json
        // there was read (and its directory watched recursively) before the host stopped loading them.
        var probe = Path.Combine(Environment.CurrentDirectory, "appsettings.json");
        Assert.False(File.Exists(probe), $"{probe} exists before the test");
        await File.WriteAllTextAsync(probe, """{ "BmcExporterHostProbe": "read" }""");
        try
        {
            await using var runtime = Runtime();
            await using var app = ExporterHost.Build(runtime, "127.0.0.1:0");

            Assert.Null(app.Configuration["BmcExporterHostProbe"]);
            var providers = ((IConfigurationRoot)app.Configuration).Providers.ToList();
            Assert.NotEmpty(providers);
            Assert.DoesNotContain(providers, p => p is FileConfigurationProvider);
            Assert.Equal(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory), Path.TrimEndingDirectorySeparator(app.Environment.ContentRootPath));
        }
        finally
        {
            File.Delete(probe);
        }
    }

    [Fact]
    public async Task Start_PlainHttp_ServesHttp11WithoutTheHttp2Warning()
    {
        var log = new ListLogger();
        await using var runtime = Runtime();
        await using var app = ExporterHost.Build(runtime, "127.0.0.1:0", logging => logging.AddProvider(new OneLogger(log)));
        await app.StartAsync();
        try
        {
            using var client = new HttpClient { DefaultRequestVersion = System.Net.HttpVersion.Version11 };
            using var response = await client.GetAsync(new Uri(new Uri(app.Urls.First()), "/healthz"));
            Assert.Equal(System.Net.HttpVersion.Version11, response.Version);
            Assert.True(response.IsSuccessStatusCode, $"/healthz answered {(int)response.StatusCode}");
        }
        finally
        {
            await app.StopAsync();
        }

        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(log.Lines, line => line.Contains("HTTP/2", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_ImageHttpPortsVariable_IsNeitherBoundNorWarnedAbout()
    {
        // Microsoft's ASP.NET Core images set ASPNETCORE_HTTP_PORTS (8080); the exporter listens where its flag says.
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
        }

        var log = new ListLogger();
        Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        WebApplication app;
        await using var runtime = Runtime();
        try
        {
            app = ExporterHost.Build(runtime, "127.0.0.1:0", logging => logging.AddProvider(new OneLogger(log)));
        }
        finally
        {
            Environment.SetEnvironmentVariable("ASPNETCORE_HTTP_PORTS", null);
        }

        await using (app)
        {
            await app.StartAsync();
            try
            {
                Assert.Single(app.Urls);
                Assert.DoesNotContain($":{port}", app.Urls.Single(), StringComparison.Ordinal);
                using var client = new System.Net.Sockets.TcpClient();
                var refused = await Assert.ThrowsAsync<System.Net.Sockets.SocketException>(() => client.ConnectAsync(System.Net.IPAddress.Loopback, port));
                Assert.Equal(System.Net.Sockets.SocketError.ConnectionRefused, refused.SocketErrorCode);
            }
            finally
            {
                await app.StopAsync();
            }
        }

        Assert.NotEmpty(log.Lines);
        Assert.DoesNotContain(log.Lines, line => line.StartsWith("Warning", StringComparison.Ordinal));
    }

    private static ExporterRuntime Runtime() => new(
        ExporterConfig.Default with { StateDir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N")) },
        new UnreachableSessions(), DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { PersistState = false });

    private sealed class OneLogger(ListLogger logger) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => logger;

        public void Dispose()
        {
        }
    }
}
