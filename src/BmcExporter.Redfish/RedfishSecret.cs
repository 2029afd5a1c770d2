namespace BmcExporter.Redfish;

/// <summary>
/// A Redfish password. <see cref="ToString"/> is redacted; the text is reachable only inside this library (for
/// the session login body and the Basic authorization header), so it cannot end up in a log or a message.
/// </summary>
public sealed class RedfishSecret : IEquatable<RedfishSecret>
{
    private readonly string _value;

    private RedfishSecret(string value) => _value = value;

    public static RedfishSecret FromString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new RedfishSecret(value);
    }

    internal string Reveal() => _value;

    public bool Equals(RedfishSecret? other) =>
        other is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(_value), System.Text.Encoding.UTF8.GetBytes(other._value));

    public override bool Equals(object? obj) => Equals(obj as RedfishSecret);

    public override int GetHashCode() => _value.Length;

    public override string ToString() => "***";
}
