using System.Security.Cryptography;
using System.Text;

namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// A password or BMC key (K_g) held as bytes. <see cref="ToString"/> is redacted; the bytes are reachable only
/// through <see cref="Span"/> for key derivation. IPMI v2.0 limits both to 20 bytes (§13.31, §22.29).
/// </summary>
public sealed class IpmiSecret : IDisposable
{
    public const int MaxLength = 20;

    private readonly byte[] _bytes;

    private IpmiSecret(byte[] bytes) => _bytes = bytes;

    /// <summary>Secret bytes, unpadded. HMAC zero-pads keys, so padded and unpadded give the same MACs.</summary>
    public ReadOnlySpan<byte> Span => _bytes;

    public int Length => _bytes.Length;

    /// <summary>True when every byte is zero (an unset K_g: Kuid is then used in its place, §13.31).</summary>
    public bool IsAllZero => !_bytes.AsSpan().ContainsAnyExcept((byte)0);

    /// <summary>Creates a secret from text (UTF-8 bytes; BMC passwords are ASCII in practice).</summary>
    public static IpmiSecret FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FromBytes(Encoding.UTF8.GetBytes(value));
    }

    /// <summary>Creates a secret from bytes (copied). Longer than 20 bytes is refused.</summary>
    public static IpmiSecret FromBytes(ReadOnlySpan<byte> value)
    {
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"IPMI secrets are at most {MaxLength} bytes; this one has {value.Length}.", nameof(value));
        }

        return new IpmiSecret(value.ToArray());
    }

    /// <summary>Parses a K_g given as hex (as ipmitool -y takes it).</summary>
    public static IpmiSecret FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        try
        {
            return FromBytes(Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex));
        }
        catch (FormatException)
        {
            throw new ArgumentException("The key is not valid hexadecimal.", nameof(hex));
        }
    }

    public override string ToString() => "***";

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);
}
