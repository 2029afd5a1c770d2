using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>The <c>--web.config.file</c> as written: the Prometheus exporter-toolkit format.</summary>
internal sealed class WebFileSettings : SettingsNode
{
    public WebTlsSettings? TlsServerConfig { get; set; }
    public WebHttpSettings? HttpServerConfig { get; set; }
    public LocatedMap<Located<string>>? BasicAuthUsers { get; set; }
}

/// <summary><c>tls_server_config:</c> as written.</summary>
internal sealed class WebTlsSettings : SettingsNode
{
    public Located<string>? CertFile { get; set; }
    public Located<string>? KeyFile { get; set; }
    public Located<string>? ClientAuthType { get; set; }
    public Located<string>? ClientCaFile { get; set; }
    public List<Located<string>?>? ClientAllowedSans { get; set; }
    public Located<string>? MinVersion { get; set; }
    public Located<string>? MaxVersion { get; set; }
    public List<Located<string>?>? CipherSuites { get; set; }
    public Located<bool>? PreferServerCipherSuites { get; set; }
    public List<Located<string>?>? CurvePreferences { get; set; }
    public Located<string>? Cert { get; set; }
    public Located<string>? Key { get; set; }
}

/// <summary><c>http_server_config:</c> as written.</summary>
internal sealed class WebHttpSettings : SettingsNode
{
    public Located<bool>? Http2 { get; set; }
    public LocatedMap<Located<string>>? Headers { get; set; }
}

/// <summary>Validation of the web config into <see cref="WebConfig"/>.</summary>
internal static class WebSettingsBuilder
{
    private static readonly Dictionary<string, ClientAuthType> AuthTypes = Enum.GetValues<ClientAuthType>().ToDictionary(t => t.ToString(), StringComparer.Ordinal);

    private static readonly Dictionary<string, int> Versions = new(StringComparer.Ordinal) { ["TLS12"] = 12, ["TLS13"] = 13 };

    // TLS 1.3 suites are fixed in Go's crypto/tls (exporter-toolkit's cipher_suites names TLS 1.2 suites only): kept here too.
    private static readonly System.Net.Security.TlsCipherSuite[] Tls13Suites =
    [
        System.Net.Security.TlsCipherSuite.TLS_AES_128_GCM_SHA256,
        System.Net.Security.TlsCipherSuite.TLS_AES_256_GCM_SHA384,
        System.Net.Security.TlsCipherSuite.TLS_CHACHA20_POLY1305_SHA256,
    ];

    // The response headers exporter-toolkit allows, with the values it allows where it restricts them.
    private static readonly Dictionary<string, string[]?> AllowedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Strict-Transport-Security"] = null,
        ["X-Content-Type-Options"] = ["nosniff"],
        ["X-Frame-Options"] = ["deny", "sameorigin"],
        ["X-XSS-Protection"] = null,
        ["Content-Security-Policy"] = null,
    };

    public static WebConfig Build(this WebFileSettings s, BuildContext c)
    {
        var watched = new List<string>();
        var tls = s.TlsServerConfig is null ? null : BuildTls(s.TlsServerConfig, c, watched);
        var users = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, hash) in s.BasicAuthUsers ?? [])
        {
            if (name.Value.Length == 0 || name.Value.Contains(':', StringComparison.Ordinal))
            {
                c.Error(name, $"'{name.Value}' is not a usable basic auth user name (empty, or contains ':')");
            }
            else if (hash is null || !IsBcrypt(hash.Value))
            {
                // The value is never echoed: a plain password written here by mistake must not reach a log.
                c.Error(hash ?? (Yaml.ILocated)name, $"the password of user '{name.Value}' is not a bcrypt hash ($2a$, $2b$ or $2y$, cost 4..31); create one with 'htpasswd -nBC 10 \"\" | tr -d \":\\n\"'");
            }
            else
            {
                users[name.Value] = hash.Value;
            }
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in s.HttpServerConfig?.Headers ?? [])
        {
            if (!AllowedHeaders.TryGetValue(name.Value, out var values))
            {
                c.Error(name, $"header '{name.Value}' cannot be set here; allowed: {string.Join(", ", AllowedHeaders.Keys)}");
            }
            else if (value is null || value.Value.Length == 0 || value.Value.Any(char.IsControl))
            {
                c.Error(value ?? (Yaml.ILocated)name, $"header '{name.Value}' needs a value on one line");
            }
            else if (values is not null && !values.Contains(value.Value, StringComparer.OrdinalIgnoreCase))
            {
                c.Error(value, $"header '{name.Value}' must be one of {string.Join(", ", values)}");
            }
            else
            {
                headers[name.Value] = value.Value;
            }
        }

        return new WebConfig
        {
            Tls = tls,
            Http2 = s.HttpServerConfig?.Http2?.Value ?? true,
            Headers = headers,
            BasicAuthUsers = users,
            WatchedFiles = watched,
        };
    }

    /// <summary>A bcrypt modular-crypt hash: <c>$2a$</c>, <c>$2b$</c>, <c>$2x$</c> or <c>$2y$</c>, two-digit cost, 53 characters of salt and hash.</summary>
    internal static bool IsBcrypt(string hash) =>
        hash.Length == 60 && hash[0] == '$' && hash[1] == '2' && hash[2] is 'a' or 'b' or 'x' or 'y' && hash[3] == '$'
        && int.TryParse(hash.AsSpan(4, 2), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var cost) && cost is >= 4 and <= 31
        && hash[6] == '$' && hash.AsSpan(7).IndexOfAnyExcept("./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789") < 0;

    private static WebTlsConfig? BuildTls(WebTlsSettings t, BuildContext c, List<string> watched)
    {
        string? File(Located<string>? v)
        {
            if (v is null)
            {
                return null;
            }

            var path = c.ResolvePath(v.Value);
            if (!System.IO.File.Exists(path))
            {
                return c.Reject<string?>(v, $"file '{path}' does not exist", null);
            }

            watched.Add(path);
            return path;
        }

        var ok = true;
        var certFile = File(t.CertFile);
        var keyFile = File(t.KeyFile);
        if ((t.CertFile is null && t.Cert is null) || (t.KeyFile is null && t.Key is null))
        {
            c.Error(t, "needs a certificate (cert_file or cert) and its private key (key_file or key)");
            ok = false;
        }

        if (t.CertFile is not null && t.Cert is not null)
        {
            c.Error(t.Cert, "give cert_file or cert, not both");
            ok = false;
        }

        if (t.KeyFile is not null && t.Key is not null)
        {
            c.Error(t.Key, "give key_file or key, not both");
            ok = false;
        }

        var auth = c.Choice(t.ClientAuthType, ClientAuthType.NoClientCert, AuthTypes);
        var caFile = File(t.ClientCaFile);
        if (auth is ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert && t.ClientCaFile is null)
        {
            c.Error(t.ClientAuthType!, $"client_auth_type {auth} verifies client certificates, so it needs client_ca_file");
        }
        else if (t.ClientCaFile is not null && auth is not (ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert))
        {
            c.Error(t.ClientCaFile, $"client_ca_file is only used to verify client certificates; set client_auth_type to RequireAndVerifyClientCert or VerifyClientCertIfGiven (now {auth})");
        }

        var sans = c.Items(t.ClientAllowedSans, t).Select(v => v.Value).ToList();
        if (sans.Count > 0 && auth is not (ClientAuthType.VerifyClientCertIfGiven or ClientAuthType.RequireAndVerifyClientCert))
        {
            c.Error(t, "client_allowed_sans is only checked on verified client certificates; set client_auth_type to RequireAndVerifyClientCert or VerifyClientCertIfGiven");
        }

        int Version(Located<string>? v, int fallback) => v is null ? fallback
            : Versions.TryGetValue(v.Value, out var n) ? n
            : c.Reject(v, v.Value is "TLS10" or "TLS11"
                ? $"{v.Value} is not offered: TLS 1.0 and 1.1 are deprecated (RFC 8996); use TLS12 or TLS13"
                : $"'{v.Value}' is not one of TLS12, TLS13", fallback);
        var min = Version(t.MinVersion, 12);
        var max = Version(t.MaxVersion, 13);
        if (min > max)
        {
            c.Error(t.MinVersion!, $"min_version {t.MinVersion!.Value} is above max_version {t.MaxVersion?.Value}");
        }

        var protocols = (min <= 12 && max >= 12 ? System.Security.Authentication.SslProtocols.Tls12 : 0)
            | (max >= 13 ? System.Security.Authentication.SslProtocols.Tls13 : 0);

        List<System.Net.Security.TlsCipherSuite>? suites = null;
        if (t.CipherSuites is not null)
        {
            suites = [.. Tls13Suites];
            foreach (var name in c.Items(t.CipherSuites, t))
            {
                if (Enum.TryParse<System.Net.Security.TlsCipherSuite>(name.Value, ignoreCase: false, out var suite) && name.Value.StartsWith("TLS_", StringComparison.Ordinal)
                    && !Tls13Suites.Contains(suite))
                {
                    suites.Add(suite);
                }
                else
                {
                    c.Error(name, $"'{name.Value}' is not a TLS 1.2 cipher suite name (IANA names, e.g. TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256)");
                }
            }
        }

        if (t.CurvePreferences is not null)
        {
            c.Error(t, "curve_preferences cannot be honoured: the TLS library here (OpenSSL through .NET) picks the key-exchange groups; remove it");
        }

        if (t.PreferServerCipherSuites is not null)
        {
            c.Warn(t.PreferServerCipherSuites, "prefer_server_cipher_suites has no effect (Go ignores it too since 1.18); remove it");
        }

        return ok ? new WebTlsConfig
        {
            CertFile = certFile,
            KeyFile = keyFile,
            CertPem = t.Cert?.Value,
            KeyPem = t.Key?.Value,
            ClientAuth = auth,
            ClientCaFile = caFile,
            ClientAllowedSans = sans,
            Protocols = protocols,
            CipherSuites = suites,
        } : null;
    }
}
