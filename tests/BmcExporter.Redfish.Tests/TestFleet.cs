using BmcExporter.Redfish;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Redfish.Tests;

/// <summary>A simulated fleet serving Redfish over HTTPS on free loopback ports, and its CA in a temp file.</summary>
internal sealed class TestFleet : IAsyncDisposable
{
    public const string User = "reader";
    public const string Password = "reader-pass";

    private TestFleet(SimulatedFleet fleet, string directory)
    {
        Fleet = fleet;
        Directory = directory;
        CaFile = Path.Combine(directory, "ca.pem");
        fleet.RedfishCertificates!.WriteCaFile(CaFile);
    }

    public SimulatedFleet Fleet { get; }

    public string Directory { get; }

    public string CaFile { get; }

    public RedfishServerStatistics Server => Fleet.RedfishStatistics!;

    public Uri BaseUri(int bmc = 0) => new($"https://{Fleet.RedfishEndpoints[bmc]}");

    public static async Task<TestFleet> StartAsync(RedfishServerOptions? redfish = null, int count = 1, TimeProvider? time = null, System.Net.IPAddress? bind = null)
    {
        var fleet = await SimulatedFleet.StartAsync(new FleetOptions
        {
            BmcCount = count,
            UserName = User,
            Password = "reader-pass"u8.ToArray(),
            Seed = 11,
            TimeProvider = time ?? TimeProvider.System,
            Redfish = redfish ?? new RedfishServerOptions(),
            BindAddress = bind ?? System.Net.IPAddress.Loopback,
        }, CancellationToken.None);
        var dir = Path.Combine(Path.GetTempPath(), "redfish-tests-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(dir);
        return new TestFleet(fleet, dir);
    }

    public RedfishClientOptions Options(int bmc = 0) => new()
    {
        BaseUri = BaseUri(bmc),
        UserName = User,
        Password = RedfishSecret.FromString(Password),
        CaFile = CaFile,
    };

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // best effort
        }
    }
}
