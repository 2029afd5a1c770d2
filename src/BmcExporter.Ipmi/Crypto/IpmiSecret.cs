using System.Security.Cryptography;
using System.Text;

namespace BmcExporter.Ipmi.Crypto;

/// <summary>
/// A password, BMC key (K_g) or other secret held as bytes. <see cref="ToString"/> is redacted and shows at most
/// where the value came from (<see cref="Origin"/>); the bytes are reachable only through <see cref="Span"/> for
/// key derivation. IPMI v2.0 limits passwords and K_g to 20 bytes (§13.31, §22.29). Two secrets are equal when
/// their bytes are, compared in constant time; the origin does not count.
/// </summary>
/// <remarks>A secret held by a configuration is shared by every session of that configuration: never dispose it.</remarks>
public sealed class IpmiSecret : IDisposable, IEquatable<IpmiSecret>
{
    public const int MaxLength = 20;

    private readonly byte[] _bytes;

    private IpmiSecret(byte[] bytes, string? origin)
    {
        _bytes = bytes;
        Origin = origin;
    }

    /// <summary>The empty secret (no password), origin <c>none</c>.</summary>
    public static IpmiSecret Empty { get; } = new([], "none");

    /// <summary>Where the value came from (<c>file /run/secrets/bmc</c>, <c>env BMC_PASSWORD</c>, <c>inline</c>), never the value; <c>null</c> when not told.</summary>
    public string? Origin { get; }

    /// <summary>Secret bytes, unpadded. HMAC zero-pads keys, so padded and unpadded give the same MACs.</summary>
    public ReadOnlySpan<byte> Span => _bytes;

    public int Length => _bytes.Length;

    /// <summary>True when every byte is zero (an unset K_g: Kuid is then used in its place, §13.31).</summary>
    public bool IsAllZero => !_bytes.AsSpan().ContainsAnyExcept((byte)0);

    /// <summary>Creates a secret from text (UTF-8 bytes; BMC passwords are ASCII in practice). Longer than 20 bytes is refused.</summary>
    public static IpmiSecret FromString(string value, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(value);
        return FromBytes(Encoding.UTF8.GetBytes(value), origin);
    }

    /// <summary>Creates a secret from bytes (copied). Longer than 20 bytes is refused.</summary>
    public static IpmiSecret FromBytes(ReadOnlySpan<byte> value, string? origin = null)
    {
        if (value.Length > MaxLength)
        {
            throw new ArgumentException($"IPMI secrets are at most {MaxLength} bytes; this one has {value.Length}.", nameof(value));
        }

        return new IpmiSecret(value.ToArray(), origin);
    }

    /// <summary>Parses a K_g given as hex (as ipmitool -y takes it).</summary>
    public static IpmiSecret FromHex(string hex, string? origin = null)
    {
        ArgumentNullException.ThrowIfNull(hex);
        try
        {
            return FromBytes(Convert.FromHexString(hex.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? hex[2..] : hex), origin);
        }
        catch (FormatException)
        {
            throw new ArgumentException("The key is not valid hexadecimal.", nameof(hex));
        }
    }

    /// <summary>A secret that is not an IPMI key (an HTTP header value such as an API token): any length.</summary>
    public static IpmiSecret FromText(string value, string origin)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new IpmiSecret(Encoding.UTF8.GetBytes(value), origin);
    }

    /// <summary>The secret as UTF-8 text, for protocols that send it as text (HTTP headers). Callers must not log it.</summary>
    public string RevealString() => Encoding.UTF8.GetString(_bytes);

    /// <summary>Constant-time comparison of the bytes (a length difference returns at once; lengths are not secret).</summary>
    public bool Equals(IpmiSecret? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_bytes, other._bytes);

    public override bool Equals(object? obj) => Equals(obj as IpmiSecret);

    /// <summary>The length only: consistent with <see cref="Equals(IpmiSecret)"/> and reveals nothing else.</summary>
    public override int GetHashCode() => _bytes.Length;

    /// <summary>Redacted: <c>***</c>, or <c>***(origin)</c> when the origin is known.</summary>
    public override string ToString() => Origin is null ? "***" : $"***({Origin})";

    public void Dispose() => CryptographicOperations.ZeroMemory(_bytes);
}
