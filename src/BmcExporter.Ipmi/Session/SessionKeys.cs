using System.Security.Cryptography;

namespace BmcExporter.Ipmi.Session;

/// <summary>
/// Session keys derived by <see cref="RakpExchange.DeriveKeys"/>: SIK, K1 (integrity) and K2 (first 16 bytes are
/// the AES key). Never printed: <see cref="ToString"/> is redacted; <see cref="Dispose"/> zeroes the keys.
/// </summary>
public sealed class SessionKeys : IDisposable
{
    private readonly byte[] _sik;
    private readonly byte[] _k1;
    private readonly byte[] _k2;

    public SessionKeys(CipherSuite suite, byte[] sik, byte[] k1, byte[] k2)
    {
        Suite = suite;
        _sik = sik;
        _k1 = k1;
        _k2 = k2;
    }

    public CipherSuite Suite { get; }

    public ReadOnlySpan<byte> Sik => _sik;

    public ReadOnlySpan<byte> K1 => _k1;

    public ReadOnlySpan<byte> K2 => _k2;

    public override string ToString() => $"SessionKeys({Suite}, redacted)";

    public void Dispose()
    {
        CryptographicOperations.ZeroMemory(_sik);
        CryptographicOperations.ZeroMemory(_k1);
        CryptographicOperations.ZeroMemory(_k2);
    }
}
