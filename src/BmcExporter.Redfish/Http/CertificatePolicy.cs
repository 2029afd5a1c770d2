using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace BmcExporter.Redfish.Http;

/// <summary>
/// Decides whether a BMC's HTTPS certificate is trusted: system roots by default; only the roots of a per-module
/// CA file when one is given (the name must still match); anything when insecure. The last refusal reason is
/// kept so the TLS error can say why.
/// </summary>
internal sealed class CertificatePolicy
{
    private readonly X509Certificate2Collection? _roots;
    private readonly bool _insecure;
    private volatile string? _lastFailure;

    private CertificatePolicy(X509Certificate2Collection? roots, bool insecure)
    {
        _roots = roots;
        _insecure = insecure;
    }

    /// <summary>Why the last certificate was refused, or null.</summary>
    public string? LastFailure => _lastFailure;

    public static CertificatePolicy Create(RedfishClientOptions options)
    {
        if (options.Insecure)
        {
            return new CertificatePolicy(null, insecure: true);
        }

        return options.CaFile is null ? new CertificatePolicy(null, false) : new CertificatePolicy(LoadCaFile(options.CaFile), false);
    }

    /// <summary>Reads every certificate of a PEM file; a missing, unreadable or empty file fails at start-up.</summary>
    public static X509Certificate2Collection LoadCaFile(string path)
    {
        var roots = new X509Certificate2Collection();
        try
        {
            roots.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new ArgumentException($"ca_file '{path}' cannot be read as PEM certificates: {ex.Message}", nameof(path), ex);
        }

        return roots.Count == 0
            ? throw new ArgumentException($"ca_file '{path}' holds no PEM certificate.", nameof(path))
            : roots;
    }

    public bool Validate(X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (_insecure)
        {
            return true;
        }

        if (certificate is null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
        {
            return Refuse("the server sent no certificate");
        }

        if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
        {
            return Refuse("the certificate does not name this host or address");
        }

        if (_roots is null)
        {
            return errors == SslPolicyErrors.None || Refuse($"the certificate chain is not trusted by the system roots ({Describe(chain)})");
        }

        using var custom = new X509Chain();
        custom.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        custom.ChainPolicy.CustomTrustStore.AddRange(_roots);
        custom.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (chain is not null)
        {
            foreach (var element in chain.ChainElements)
            {
                custom.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        return custom.Build(leaf) || Refuse($"the certificate does not chain to the ca_file roots ({Describe(custom)})");
    }

    private bool Refuse(string reason)
    {
        _lastFailure = reason;
        return false;
    }

    private static string Describe(X509Chain? chain) =>
        chain is null || chain.ChainStatus.Length == 0
            ? "no chain status"
            : string.Join(", ", chain.ChainStatus.Select(s => s.Status.ToString()).Distinct());
}
