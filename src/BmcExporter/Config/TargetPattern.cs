using System.Net;

namespace BmcExporter.Config;

/// <summary>
/// One <c>allowed_targets</c> entry: an address range in CIDR notation (<c>10.0.0.0/8</c>, <c>fd00::/8</c>), one
/// address, a host name, or <c>*.suffix</c> for every name under a domain. Names compare without case.
/// </summary>
public sealed record TargetPattern
{
    private TargetPattern(string text, IPNetwork? network)
    {
        Text = text;
        Network = network;
    }

    /// <summary>The entry as written.</summary>
    public string Text { get; }

    /// <summary>The address range; <c>null</c> for a host name pattern.</summary>
    public IPNetwork? Network { get; }

    /// <summary>Parses an entry; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, out TargetPattern? pattern, out string error)
    {
        pattern = null;
        error = string.Empty;
        var s = text.Trim();
        if (IPAddress.TryParse(s, out var address) && !s.Contains('/', StringComparison.Ordinal))
        {
            pattern = new TargetPattern(s, new IPNetwork(address, address.GetAddressBytes().Length * 8));
            return true;
        }

        var slash = s.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            // IPNetwork.TryParse takes "10.0.0.1/8" too; a range with host bits set is more likely a typo.
            if (!IPAddress.TryParse(s[..slash], out var baseAddress) || !int.TryParse(s[(slash + 1)..], out var bits)
                || bits < 0 || bits > baseAddress.GetAddressBytes().Length * 8)
            {
                error = $"'{s}' is not a CIDR range (e.g. 10.0.0.0/8 or fd00::/8)";
                return false;
            }

            var masked = Mask(baseAddress, bits);
            if (!masked.Equals(baseAddress))
            {
                error = $"'{s}' has bits set after the /{bits} prefix; write {masked}/{bits}";
                return false;
            }

            pattern = new TargetPattern(s, new IPNetwork(masked, bits));
            return true;
        }

        var name = s.StartsWith("*.", StringComparison.Ordinal) ? s[2..] : s;
        if (name.Length is 0 or > 253 || name[0] is '-' or '.' || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.' or '_'))
        {
            error = $"'{s}' is not a host name, address or CIDR range";
            return false;
        }

        pattern = new TargetPattern(s.TrimEnd('.'), null);
        return true;
    }

    /// <summary><c>true</c> when <paramref name="address"/> is in the range.</summary>
    public bool Matches(IPAddress address) =>
        Network is { } network && network.Contains(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary><c>true</c> when the host name <paramref name="host"/> matches the name pattern.</summary>
    public bool Matches(string host)
    {
        if (Network is not null)
        {
            return false;
        }

        var h = host.TrimEnd('.');
        return Text.StartsWith("*.", StringComparison.Ordinal)
            ? h.EndsWith(Text[1..], StringComparison.OrdinalIgnoreCase) && h.Length > Text.Length - 1
            : string.Equals(h, Text, StringComparison.OrdinalIgnoreCase);
    }

    public override string ToString() => Text;

    private static IPAddress Mask(IPAddress address, int bits)
    {
        var bytes = address.GetAddressBytes();
        for (var i = 0; i < bytes.Length; i++)
        {
            var keep = Math.Clamp(bits - (i * 8), 0, 8);
            bytes[i] &= (byte)(0xFF << (8 - keep));
        }

        return new IPAddress(bytes);
    }
}
