namespace BmcExporter.Ipmi.Commands;

/// <summary>
/// Supermicro OEM "get LAN interface mode": NetFn 0x30, command 0x70, data <c>0C 00</c> (what ipmi_exporter's
/// <c>sm-lan-mode</c> collector sends with <c>ipmi-raw 0x0 0x30 0x70 0x0c 0</c>). The one response byte is the
/// mode: 0 dedicated, 1 shared, 2 failover.
/// </summary>
public static class SupermicroLanMode
{
    /// <summary>Supermicro's OEM network function (0x30, in the OEM range 30h-3Fh of IPMI v2.0 table 5-1).</summary>
    public const byte NetFunction = 0x30;
    public const byte Command = 0x70;

    /// <summary>Sub-function 0Ch: LAN interface mode; second byte 0: get.</summary>
    public static ReadOnlySpan<byte> RequestData => [0x0C, 0x00];

    public static IpmiRequest CreateRequest() => new((NetFn)NetFunction, Command, RequestData.ToArray());

    /// <summary>The mode byte; ipmi_exporter accepts exactly one byte of 0, 1 or 2 (anything else fails the collector).</summary>
    public static byte DecodeResponse(ReadOnlySpan<byte> data)
    {
        if (data.Length != 1)
        {
            throw new IpmiProtocolException($"LAN mode response has {data.Length} data bytes, expected 1");
        }

        return data[0] <= 2 ? data[0] : throw new IpmiProtocolException($"unexpected LAN mode 0x{data[0]:X2} (0 dedicated, 1 shared, 2 failover)");
    }
}
