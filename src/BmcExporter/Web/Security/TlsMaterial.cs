using System.Net;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using BmcExporter.Config;

namespace BmcExporter.Web.Security;

/// <summary>
/// The certificates of a <see cref="WebTlsConfig"/>, loaded, and the per-connection TLS options built from them,
/// including the client-certificate check that <c>client_auth_type</c> asks for.
/// </summary>
internal sealed class TlsMaterial : IDisposable
{
    private readonly WebTlsConfig _config;
    private readonly X509Certificate2Collection _clientCas = [];
    private readonly CipherSuitesPolicy? _suites;

    private TlsMaterial(WebTlsConfig config, X509Certificate2 certificate, X509Certificate2Collection chain)
    {
        _config = config;
        Certificate = certificate;
        Chain = chain;
        if (config.ClientCaFile is not null)
        {
            _clientCas.ImportFromPemFile(config.ClientCaFile);
        }

        if (config.CipherSuites is not null)
        {
            _suites = OperatingSystem.IsWindows()
                ? throw new WebConfigException("cipher_suites cannot be honoured on Windows (Schannel takes the suites from the system policy); remove it")
                : new CipherSuitesPolicy(config.CipherSuites);
        }
    }

    /// <summary>The server certificate with its private key.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>Intermediate certificates sent after the server certificate.</summary>
    public X509Certificate2Collection Chain { get; }

    /// <summary>Loads the certificate, key and client CAs; throws <see cref="WebConfigException"/> with a sentence when they are unusable.</summary>
    public static TlsMaterial Load(WebTlsConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        try
        {
            var certPem = config.CertPem ?? File.ReadAllText(config.CertFile!);
            var keyPem = config.KeyPem ?? File.ReadAllText(config.KeyFile!);
            var certificate = X509Certificate2.CreateFromPem(certPem, keyPem);
            var all = new X509Certificate2Collection();
            all.ImportFromPem(certPem);
            var chain = new X509Certificate2Collection();
            foreach (var extra in all)
            {
                if (extra.Thumbprint != certificate.Thumbprint)
                {
                    chain.Add(extra);
                }
            }

            var material = new TlsMaterial(config, certificate, chain);
            if (config.ClientCaFile is not null && material._clientCas.Count == 0)
            {
                material.Dispose();
                throw new WebConfigException($"client_ca_file '{config.ClientCaFile}' holds no PEM certificate");
            }

            return material;
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            // The message names files only; key material never reaches it.
            throw new WebConfigException($"the TLS certificate or key of the web config cannot be used ({ex.GetType().Name}: {ex.Message})");
        }
    }

    /// <summary>The TLS options for one connection.</summary>
    public SslServerAuthenticationOptions ServerOptions() => new()
    {
        ServerCertificateContext = SslStreamCertificateContext.Create(Certificate, Chain, offline: true),
        EnabledSslProtocols = _config.Protocols,
        CipherSuitesPolicy = _suites,
        ClientCertificateRequired = _config.ClientAuth != ClientAuthType.NoClientCert,
        RemoteCertificateValidationCallback = _config.ClientAuth == ClientAuthType.NoClientCert ? null : CheckClient,
        CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
    };

    /// <summary>The client-certificate rule of <c>client_auth_type</c> (Go crypto/tls semantics).</summary>
    internal bool CheckClient(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (certificate is null)
        {
            return !_config.RequiresClientCertificate;
        }

        if (!_config.Verifies)
        {
            return true;
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(_clientCas);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.ApplicationPolicy.Add(new Oid("1.3.6.1.5.5.7.3.2")); // id-kp-clientAuth (RFC 5280 §4.2.1.12)
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        return chain.Build(leaf) && AllowedSan(leaf);
    }

    private bool AllowedSan(X509Certificate2 leaf)
    {
        if (_config.ClientAllowedSans.Count == 0)
        {
            return true;
        }

        var names = new List<string>();
        foreach (var extension in leaf.Extensions)
        {
            if (extension is X509SubjectAlternativeNameExtension san)
            {
                names.AddRange(san.EnumerateDnsNames());
                names.AddRange(san.EnumerateIPAddresses().Select(ip => ip.ToString()));
            }
        }

        return _config.ClientAllowedSans.Any(allowed =>
            names.Contains(allowed, StringComparer.OrdinalIgnoreCase)
            || (IPAddress.TryParse(allowed, out var ip) && names.Contains(ip.ToString(), StringComparer.Ordinal)));
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Certificate.Dispose();
        foreach (var c in Chain)
        {
            c.Dispose();
        }

        foreach (var c in _clientCas)
        {
            c.Dispose();
        }
    }
}
