using BmcExporter.Redfish;
using BmcExporter.Simulator.Fleet;
using BmcExporter.Simulator.Profiles;
using BmcExporter.Simulator.Redfish;

namespace BmcExporter.Simulator.Tests.Redfish;

/// <summary>A fleet serving IPMI and Redfish, with its CA written to a temp file and helpers for both clients.</summary>
internal sealed class RedfishFleet : IAsyncDisposable
{
    private RedfishFleet(SimulatedFleet fleet, string caFile)
    {
        Fleet = fleet;
        CaFile = caFile;
    }

    public SimulatedFleet Fleet { get; }

    public string CaFile { get; }

    public static async Task<RedfishFleet> StartAsync(SimProfile? profile = null, RedfishServerOptions? redfish = null, int count = 1, TimeProvider? time = null)
    {
        var fleet = await SimulatedFleet.StartAsync(new FleetOptions
        {
            BmcCount = count,
            Profile = profile,
            UserName = "reader",
            Password = "reader-pass"u8.ToArray(),
            Seed = 7,
            TimeProvider = time ?? TimeProvider.System,
            Redfish = redfish ?? new RedfishServerOptions(),
        }, CancellationToken.None);
        var ca = Path.Combine(Path.GetTempPath(), $"sim-redfish-ca-{Guid.NewGuid():N}.pem");
        fleet.RedfishCertificates!.WriteCaFile(ca);
        return new RedfishFleet(fleet, ca);
    }

    public RedfishSession Session(int bmc = 0) => RedfishSession.Create(new RedfishClientOptions
    {
        BaseUri = new Uri($"https://{Fleet.RedfishEndpoints[bmc]}"),
        UserName = "reader",
        Password = RedfishSecret.FromString("reader-pass"),
        CaFile = CaFile,
    });

    /// <summary>An HttpClient that trusts the fleet CA (chain built against it) and sends Basic credentials.</summary>
    public HttpClient Http(int bmc = 0, bool credentials = true)
    {
        var ca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(Fleet.RedfishCertificates!.Ca.RawData);
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, cert, _, _) =>
        {
            using var chain = new System.Security.Cryptography.X509Certificates.X509Chain();
            chain.ChainPolicy.TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(ca);
            chain.ChainPolicy.RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck;
            return cert is not null && chain.Build(System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificate(cert.GetRawCertData()));
        };
        var http = new HttpClient(handler) { BaseAddress = new Uri($"https://{Fleet.RedfishEndpoints[bmc]}") };
        if (credentials)
        {
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic", Convert.ToBase64String("reader:reader-pass"u8.ToArray()));
        }

        return http;
    }

    public async ValueTask DisposeAsync()
    {
        await Fleet.DisposeAsync();
        File.Delete(CaFile);
    }
}
