using System.Globalization;

namespace BmcExporter.Config;

/// <summary>Parses and formats <c>host[:port]</c> (IPv6 as <c>[addr]:port</c> or a bare address without port).</summary>
public static class HostPort
{
    /// <summary>Formats a target key: <c>host:port</c>, IPv6 addresses bracketed.</summary>
    public static string Format(string host, int port) =>
        host.Contains(':', StringComparison.Ordinal) ? $"[{host}]:{port}" : $"{host}:{port}";

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says why.</summary>
    public static bool TryParse(string text, int defaultPort, out string host, out int port, out string error)
    {
        host = string.Empty;
        port = defaultPort;
        error = string.Empty;
        var s = text.Trim();
        if (s.Length == 0)
        {
            error = "host is empty";
            return false;
        }

        string? portText = null;
        if (s[0] == '[')
        {
            var close = s.IndexOf(']', StringComparison.Ordinal);
            if (close < 0)
            {
                error = $"'{s}' has '[' without ']'";
                return false;
            }

            host = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':')
                {
                    error = $"'{s}' has text after ']' that is not ':port'";
                    return false;
                }

                portText = rest[1..];
            }
        }
        else
        {
            var colons = s.Count(c => c == ':');
            if (colons == 1)
            {
                var i = s.IndexOf(':', StringComparison.Ordinal);
                host = s[..i];
                portText = s[(i + 1)..];
            }
            else
            {
                // No colon: a name or IPv4 address. Several: a bare IPv6 address, no port.
                host = s;
            }
        }

        if (!IsValidHost(host))
        {
            error = $"'{s}' is not a valid host[:port]";
            return false;
        }

        if (portText is not null && !TryParsePort(portText, out port))
        {
            error = $"port '{portText}' is not a number in 1..65535";
            return false;
        }

        return true;
    }

    /// <summary>Parses a TCP/UDP port in 1..65535.</summary>
    public static bool TryParsePort(string text, out int port) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out port) && port is >= 1 and <= 65535;

    private static bool IsValidHost(string host)
    {
        if (host.Length is 0 or > 253)
        {
            return false;
        }

        if (host.Contains(':', StringComparison.Ordinal))
        {
            return System.Net.IPAddress.TryParse(host, out var ip) && ip.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6;
        }

        foreach (var c in host)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_'))
            {
                return false;
            }
        }

        return host[0] != '-' && host[0] != '.';
    }
}
