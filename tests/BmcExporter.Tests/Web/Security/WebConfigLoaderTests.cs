using BmcExporter.Tests.Packaging;
using BmcExporter.Config;

namespace BmcExporter.Tests.Web.Security;

public sealed class WebConfigLoaderTests : IDisposable
{
    private const string Hash = "$2y$10$2b1MGa4uKzwsrYB6pCCrGeolCY4Au4k1UhQQMOdmTmTq2CW2JfmsW";
    private readonly TestCertificates _certs = new();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public void Load_CompleteFile_GivesEverySetting()
    {
        var (cert, key) = _certs.Server();
        var path = _certs.Write("web.yml", $"""
            tls_server_config:
              cert_file: {cert}
              key_file: {key}
              client_auth_type: RequireAndVerifyClientCert
              client_ca_file: ca.pem
              client_allowed_sans: [scraper.example]
              min_version: TLS13
              cipher_suites: [TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256]
            http_server_config:
              http2: false
              headers:
                X-Frame-Options: deny
            basic_auth_users:
              prometheus: {Hash}
            """);

        var loaded = WebConfigLoader.Load(path);

        Assert.True(loaded.Errors.Count == 0, string.Join("; ", loaded.Errors));
        var config = loaded.Config!;
        Assert.Equal(ClientAuthType.RequireAndVerifyClientCert, config.Tls!.ClientAuth);
        Assert.Equal(_certs.CaFile, config.Tls.ClientCaFile);
        Assert.Equal(["scraper.example"], config.Tls.ClientAllowedSans);
        Assert.Equal(System.Security.Authentication.SslProtocols.Tls13, config.Tls.Protocols);
        Assert.Contains(System.Net.Security.TlsCipherSuite.TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256, config.Tls.CipherSuites!);
        Assert.False(config.Http2);
        Assert.Equal("deny", config.Headers["X-Frame-Options"]);
        Assert.Equal(Hash, config.BasicAuthUsers["prometheus"]);
        Assert.Contains(path, config.WatchedFiles);
        Assert.Contains(cert, config.WatchedFiles);
        Assert.DoesNotContain(Hash, config.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n", 2, "needs a certificate (cert_file or cert) and its private key")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: RequireAndVerifyClientCert\n", 4, "needs client_ca_file")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_ca_file: ca.pem\n", 4, "set client_auth_type")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  client_auth_type: Always\n", 4, "'Always' is not one of NoClientCert")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_version: TLS11\n", 4, "TLS 1.0 and 1.1 are deprecated")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  min_version: TLS13\n  max_version: TLS12\n", 4, "is above max_version")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  cipher_suites: [TLS_RSA_WITH_RC4]\n", 4, "is not a TLS 1.2 cipher suite name")]
    [InlineData("tls_server_config:\n  cert_file: server.crt\n  key_file: server.key\n  curve_preferences: [X25519]\n", 2, "curve_preferences cannot be honoured")]
    [InlineData("tls_server_config:\n  cert_file: missing.crt\n  key_file: server.key\n", 2, "does not exist")]
    [InlineData("basic_auth_users:\n  alice: hunter2\n", 2, "is not a bcrypt hash")]
    [InlineData("basic_auth_users:\n  'a:b': $2y$10$2b1MGa4uKzwsrYB6pCCrGeolCY4Au4k1UhQQMOdmTmTq2CW2JfmsW\n", 2, "is not a usable basic auth user name")]
    [InlineData("http_server_config:\n  headers:\n    Server: nginx\n", 3, "header 'Server' cannot be set here")]
    [InlineData("http_server_config:\n  headers:\n    X-Content-Type-Options: sniff\n", 3, "must be one of nosniff")]
    [InlineData("tls_server_config:\n  cert_fille: server.crt\n", 2, "unknown key; did you mean 'cert_file'?")]
    [InlineData("basic_auth_users: [\n", 1, "is never closed")]
    public void Load_BadFile_GivesLocatedSentence(string yaml, int line, string expected)
    {
        _certs.Server();
        var path = _certs.Write("web.yml", yaml);

        var loaded = WebConfigLoader.Load(path);

        Assert.Null(loaded.Config);
        var error = loaded.Errors.FirstOrDefault(e => e.Message.Contains(expected, StringComparison.Ordinal));
        Assert.True(error is not null, string.Join("\n", loaded.Errors));
        Assert.Equal(line, error!.Line);
        Assert.Equal(path, error.File);
    }

    [Fact]
    public void Load_PlainPasswordInsteadOfHash_IsNotEchoed()
    {
        var path = _certs.Write("web.yml", "basic_auth_users:\n  alice: correct-horse-battery\n");

        var loaded = WebConfigLoader.Load(path);

        Assert.DoesNotContain("correct-horse-battery", string.Join("\n", loaded.Errors.Select(e => e.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void Load_PreferServerCipherSuites_IsWarnedAsHavingNoEffect()
    {
        var (cert, key) = _certs.Server();
        var path = _certs.Write("web.yml", $"tls_server_config:\n  cert_file: {cert}\n  key_file: {key}\n  prefer_server_cipher_suites: true\n");

        var loaded = WebConfigLoader.Load(path);

        Assert.NotNull(loaded.Config);
        Assert.Contains(loaded.Warnings, w => w.Message.Contains("has no effect", StringComparison.Ordinal) && w.Line == 4);
    }

    [Fact]
    public void IsBcrypt_HtpasswdHash_IsAccepted()
    {
        var hash = ExternalTool.RunSuccessfully("htpasswd", "-nbBC", "5", "", "pw").StandardOutput.Trim().TrimStart(':');

        Assert.True(BmcExporter.Config.Settings.WebSettingsBuilder.IsBcrypt(hash), hash);
    }
}
