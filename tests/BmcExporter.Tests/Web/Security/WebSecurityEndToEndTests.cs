using BmcExporter.Tests.Packaging;
using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Web;
using BmcExporter.Web.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using BmcExporter.Tests.Fakes;

namespace BmcExporter.Tests.Web.Security;

/// <summary>
/// The exporter served with a <c>--web.config.file</c>, asked by curl (an independent TLS and HTTP client), with
/// bcrypt hashes made by Apache's htpasswd.
/// </summary>
public sealed class WebSecurityEndToEndTests : IDisposable
{
    private readonly TestCertificates _certs = new();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task Tls_WithBasicAuth_AnswersOnlyTheRightPassword()
    {
        var (cert, key) = _certs.Server();
        var hash = ExternalTool.RunSuccessfully("htpasswd", "-nbBC", "5", "", "s3cret-pw").StandardOutput.Trim().TrimStart(':');
        var web = _certs.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\nbasic_auth_users:\n  prometheus: '{hash}'\n" +
            "http_server_config:\n  headers:\n    X-Content-Type-Options: nosniff\n");
        await using var served = await ServeAsync(web);

        var ok = Curl(served.Url + "/metrics", "--cacert", _certs.CaFile, "-u", "prometheus:s3cret-pw", "-D", "-");
        var wrong = Curl(served.Url + "/metrics", "--cacert", _certs.CaFile, "-u", "prometheus:wrong", "-D", "-");
        var none = Curl(served.Url + "/metrics", "--cacert", _certs.CaFile, "-D", "-");
        var unknownUser = Curl(served.Url + "/metrics", "--cacert", _certs.CaFile, "-u", "mallory:s3cret-pw", "-D", "-");

        Assert.StartsWith("200 ", ok.Status, StringComparison.Ordinal);
        Assert.Contains("bmc_exporter_build_info", ok.Body, StringComparison.Ordinal);
        Assert.Contains("x-content-type-options: nosniff", ok.Body, StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("401 ", wrong.Status, StringComparison.Ordinal);
        Assert.StartsWith("401 ", unknownUser.Status, StringComparison.Ordinal);
        Assert.StartsWith("401 ", none.Status, StringComparison.Ordinal);
        Assert.Contains("www-authenticate: Basic realm=\"bmc-exporter\"", none.Body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("bmc_exporter_build_info", none.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Tls_UntrustedByClient_IsRefusedByCurl()
    {
        var (cert, key) = _certs.Server();
        var web = _certs.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n");
        await using var served = await ServeAsync(web);

        var (exit, _, _) = ExternalTool.Run("curl", ["-sS", "--max-time", "60", served.Url + "/healthz"]);
        var plain = ExternalTool.Run("curl", ["-sS", "--max-time", "60", served.Url.Replace("https://", "http://", StringComparison.Ordinal) + "/healthz"]);

        Assert.Equal(60, exit); // CURLE_PEER_FAILED_VERIFICATION: our CA is not in the system store.
        Assert.NotEqual(0, plain.ExitCode); // plain HTTP to the TLS port gets no answer
        Assert.Empty(plain.StandardOutput);
    }

    [Fact]
    public async Task MutualTls_RequireAndVerify_AcceptsOnlyCertificatesOfTheClientCa()
    {
        var (cert, key) = _certs.Server();
        var (clientCert, clientKey) = _certs.Client("prometheus", "scraper.example");
        var (otherSan, otherSanKey) = _certs.Client("intruder", "other.example");
        using var stranger = new TestCertificates("stranger CA");
        var (strangerCert, strangerKey) = stranger.Client("prometheus", "scraper.example");
        var web = _certs.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n  client_auth_type: RequireAndVerifyClientCert\n" +
            $"  client_ca_file: {_certs.CaFile}\n  client_allowed_sans: [scraper.example]\n");
        await using var served = await ServeAsync(web);

        var good = Curl(served.Url + "/healthz", "--cacert", _certs.CaFile, "--cert", clientCert, "--key", clientKey);
        var noCert = ExternalTool.Run("curl", ["-sS", "--max-time", "60", "--cacert", _certs.CaFile, served.Url + "/healthz"]);
        var foreign = ExternalTool.Run("curl", ["-sS", "--max-time", "60", "--cacert", _certs.CaFile, "--cert", strangerCert, "--key", strangerKey, served.Url + "/healthz"]);
        var wrongSan = ExternalTool.Run("curl", ["-sS", "--max-time", "60", "--cacert", _certs.CaFile, "--cert", otherSan, "--key", otherSanKey, served.Url + "/healthz"]);

        Assert.StartsWith("200 ", good.Status, StringComparison.Ordinal);
        Assert.NotEqual(0, noCert.ExitCode);
        Assert.NotEqual(0, foreign.ExitCode);
        Assert.NotEqual(0, wrongSan.ExitCode);
    }

    [Fact]
    public async Task Http2False_ServesHttp11Only()
    {
        var (cert, key) = _certs.Server();
        var on = _certs.Write("on.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n");
        var off = _certs.Write("off.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\nhttp_server_config:\n  http2: false\n");
        await using var servedOn = await ServeAsync(on);
        await using var servedOff = await ServeAsync(off);

        var versionOn = ExternalTool.RunSuccessfully("curl", "-sS", "--http2", "--max-time", "60", "--cacert", _certs.CaFile, "-o", "/dev/null", "-w", "%{http_version}", servedOn.Url + "/healthz").StandardOutput;
        var versionOff = ExternalTool.RunSuccessfully("curl", "-sS", "--http2", "--max-time", "60", "--cacert", _certs.CaFile, "-o", "/dev/null", "-w", "%{http_version}", servedOff.Url + "/healthz").StandardOutput;

        Assert.Equal("2", versionOn);
        Assert.Equal("1.1", versionOff);
    }

    [Fact]
    public async Task RotatedCertificate_IsServedWithoutRestart_AndABrokenEditKeepsThePrevious()
    {
        var (cert, key) = _certs.Server("first");
        var web = _certs.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n");
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var served = await ServeAsync(web, time);
        var before = Subject(served.Url);

        // Rotate: new certificate and key written over the same files (what cert-manager does).
        var (next, nextKey) = _certs.Server("second");
        File.Copy(next, cert, overwrite: true);
        File.Copy(nextKey, key, overwrite: true);
        File.SetLastWriteTimeUtc(cert, DateTime.UtcNow.AddSeconds(5));
        time.Advance(TimeSpan.FromSeconds(2));
        var after = Subject(served.Url);

        // A broken edit: the previous certificate stays in force.
        File.WriteAllText(key, "not a key");
        File.SetLastWriteTimeUtc(key, DateTime.UtcNow.AddSeconds(10));
        time.Advance(TimeSpan.FromSeconds(2));
        var kept = Subject(served.Url);

        Assert.Contains("CN = first", before, StringComparison.Ordinal);
        Assert.Contains("CN = second", after, StringComparison.Ordinal);
        Assert.Contains("CN = second", kept, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_BadCertificate_FailsAtStartWithASentence()
    {
        var (cert, _) = _certs.Server();
        var badKey = _certs.Write("bad.key", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        var web = _certs.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {badKey}\n");

        var error = Assert.Throws<WebConfigException>(() => WebSecurity.Load(web, TimeProvider.System, NullLogger.Instance));

        Assert.Contains("cannot be used", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("AAAA", error.Message, StringComparison.Ordinal);
    }

    private string Subject(string url) =>
        ExternalTool.RunSuccessfully("curl", "-sS", "--max-time", "60", "--cacert", _certs.CaFile, "-o", "/dev/null", "-w", "%{certs}", url + "/healthz").StandardOutput
            .Split('\n').First(l => l.StartsWith("Subject:", StringComparison.Ordinal));

    private static (string Status, string Body) Curl(string url, params string[] args)
    {
        var output = ExternalTool.RunSuccessfully("curl", [.. args, "-sS", "--max-time", "60", "-w", "\n%{http_code}", url]).StandardOutput;
        var split = output.LastIndexOf('\n');
        var code = output[(split + 1)..];
        return ($"{code} ", output[..split]);
    }

    private static async Task<Served> ServeAsync(string webConfig, TimeProvider? time = null)
    {
        var security = WebSecurity.Load(webConfig, time ?? TimeProvider.System, NullLogger.Instance);
        var runtime = new ExporterRuntime(
            ExporterConfig.Default with { StateDir = Path.Combine(Path.GetTempPath(), "bmc-exporter-tests", Guid.NewGuid().ToString("N")) },
            new UnreachableSessions(), DefaultCollectors.Create(), TimeProvider.System, NullLoggerFactory.Instance, null, new RuntimeOptions { PersistState = false });
        var app = ExporterHost.Build(runtime, "127.0.0.1:0", security: security);
        await app.StartAsync();
        return new Served(app, runtime, security, app.Urls.First());
    }

    private sealed record Served(WebApplication App, ExporterRuntime Runtime, WebSecurity Security, string Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await App.DisposeAsync();
            await Runtime.DisposeAsync();
            Security.Dispose();
        }
    }
}
