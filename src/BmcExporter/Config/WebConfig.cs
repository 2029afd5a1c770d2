using System.Net.Security;
using System.Security.Authentication;

namespace BmcExporter.Config;

/// <summary>
/// The <c>--web.config.file</c>: TLS, client certificates, basic auth and response headers for every HTTP endpoint,
/// in the format of the Prometheus exporter-toolkit (docs/web-config.md). Load with <see cref="WebConfigLoader"/>.
/// </summary>
public sealed record WebConfig
{
    /// <summary>No TLS, no authentication: what runs without <c>--web.config.file</c>.</summary>
    public static WebConfig None { get; } = new();

    /// <summary><c>tls_server_config</c>; <c>null</c> serves plain HTTP.</summary>
    public WebTlsConfig? Tls { get; init; }

    /// <summary><c>http_server_config.http2</c>: offer HTTP/2 (over TLS, by ALPN). Default true.</summary>
    public bool Http2 { get; init; } = true;

    /// <summary><c>http_server_config.headers</c>: added to every response.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary><c>basic_auth_users</c>: user name to bcrypt hash; empty means no authentication.</summary>
    public IReadOnlyDictionary<string, string> BasicAuthUsers { get; init; } = new Dictionary<string, string>();

    /// <summary>Files whose change makes the running exporter read the web config again.</summary>
    public IReadOnlyList<string> WatchedFiles { get; init; } = [];

    /// <inheritdoc />
    public override string ToString() =>
        $"WebConfig {{ Tls = {(Tls is null ? "off" : "on")}, Http2 = {Http2}, BasicAuthUsers = {BasicAuthUsers.Count}, Headers = {Headers.Count} }}";
}

/// <summary>How a client certificate is asked for and checked (exporter-toolkit's <c>client_auth_type</c>, Go's names).</summary>
public enum ClientAuthType
{
    /// <summary>No client certificate is asked for.</summary>
    NoClientCert,

    /// <summary>Asked for, not required, not verified.</summary>
    RequestClientCert,

    /// <summary>Required, not verified.</summary>
    RequireAnyClientCert,

    /// <summary>Not required; verified against the client CAs when given.</summary>
    VerifyClientCertIfGiven,

    /// <summary>Required and verified against the client CAs.</summary>
    RequireAndVerifyClientCert,
}

/// <summary><c>tls_server_config</c>, validated. The certificate and key are PEM (files, or inline text).</summary>
public sealed record WebTlsConfig
{
    /// <summary><c>cert_file</c>, resolved; <c>null</c> when the certificate is inline.</summary>
    public string? CertFile { get; init; }

    /// <summary><c>key_file</c>, resolved; <c>null</c> when the key is inline.</summary>
    public string? KeyFile { get; init; }

    /// <summary><c>cert</c>: the certificate chain as PEM text.</summary>
    public string? CertPem { get; init; }

    /// <summary><c>key</c>: the private key as PEM text (a secret: never printed).</summary>
    public string? KeyPem { get; init; }

    /// <summary><c>client_auth_type</c>. Default <see cref="ClientAuthType.NoClientCert"/>.</summary>
    public ClientAuthType ClientAuth { get; init; }

    /// <summary><c>client_ca_file</c>, resolved: the CAs client certificates are verified against.</summary>
    public string? ClientCaFile { get; init; }

    /// <summary><c>client_allowed_sans</c>: a verified client certificate must name one of these (DNS name or IP address).</summary>
    public IReadOnlyList<string> ClientAllowedSans { get; init; } = [];

    /// <summary><c>min_version</c>..<c>max_version</c> as protocol flags. Default TLS 1.2 and 1.3.</summary>
    public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

    /// <summary><c>cipher_suites</c> (TLS 1.2; TLS 1.3 keeps its standard suites, as in Go); <c>null</c> for the system default.</summary>
    public IReadOnlyList<TlsCipherSuite>? CipherSuites { get; init; }

    /// <summary>Whether a client certificate is checked against the client CAs.</summary>
    public bool Verifies => ClientAuth is ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert;

    /// <summary>Whether a client without a certificate is refused.</summary>
    public bool RequiresClientCertificate => ClientAuth is ClientAuthType.RequireAnyClientCert or ClientAuthType.RequireAndVerifyClientCert;

    /// <inheritdoc />
    public override string ToString() =>
        $"WebTlsConfig {{ CertFile = {CertFile ?? "(inline)"}, ClientAuth = {ClientAuth}, ClientCaFile = {ClientCaFile}, Protocols = {Protocols} }}";
}
