using System.Security.Cryptography;

namespace BmcExporter.Config;

/// <summary>
/// A password, K_g or header value resolved at load time. Its <see cref="ToString"/> never shows the value,
/// only where it came from, so a secret can't leak through logs, errors or the status page.
/// </summary>
public sealed class Secret : IEquatable<Secret>
{
    private readonly byte[] _value;

    /// <summary>Creates a secret from raw bytes (copied) and a description of its origin.</summary>
    public Secret(ReadOnlySpan<byte> value, string origin)
    {
        _value = value.ToArray();
        Origin = origin;
    }

    /// <summary>An empty secret (no password), origin <c>none</c>.</summary>
    public static Secret Empty { get; } = new([], "none");

    /// <summary>Where the value came from, e.g. <c>file /run/secrets/bmc</c>, <c>env BMC_PASSWORD</c>, <c>inline</c>. Never the value.</summary>
    public string Origin { get; }

    /// <summary>Length of the value in bytes.</summary>
    public int Length => _value.Length;

    /// <summary>The secret bytes. Callers must not log or format them.</summary>
    public ReadOnlySpan<byte> Reveal() => _value;

    /// <summary>The secret as UTF-8 text (header values). Callers must not log it.</summary>
    public string RevealString() => System.Text.Encoding.UTF8.GetString(_value);

    /// <summary>Constant-time comparison of values (origins are ignored).</summary>
    public bool Equals(Secret? other) =>
        other is not null && CryptographicOperations.FixedTimeEquals(_value, other._value);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as Secret);

    /// <inheritdoc />
    public override int GetHashCode() => _value.Length;

    /// <summary>Redacted: <c>Secret(origin)</c>.</summary>
    public override string ToString() => $"Secret({Origin})";
}
