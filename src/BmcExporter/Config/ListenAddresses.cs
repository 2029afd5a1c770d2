namespace BmcExporter.Config;

/// <summary>Validates listen addresses: <c>host:port</c>, <c>:port</c> (all interfaces, as in ipmi_exporter) or <c>[v6]:port</c>.</summary>
public static class ListenAddresses
{
    /// <summary><c>true</c> when <paramref name="address"/> is usable; otherwise <paramref name="reason"/> says why.</summary>
    public static bool IsValid(string address, out string reason)
    {
        reason = string.Empty;
        var i = address.LastIndexOf(':');
        if (i < 0)
        {
            reason = $"'{address}' has no port (expected host:port or :port)";
            return false;
        }

        if (!HostPort.TryParsePort(address[(i + 1)..], out _))
        {
            reason = $"'{address}' does not end in a port 1..65535";
            return false;
        }

        var host = address[..i];
        if (host.Length == 0)
        {
            return true;
        }

        if (!HostPort.TryParse(address, 1, out _, out _, out var why))
        {
            reason = why;
            return false;
        }

        return true;
    }
}
