using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Collectors;

/// <summary>
/// Answers that hold for the length of one scrape and that more than one collector needs, asked once per scrape:
/// today Get Device ID (IPMI v2.0 §20.1), which the sensors collector uses to key its SDR cache and the bmc
/// collector reports. Collectors of a scrape run one after another, so no locking is needed; a failed ask is not
/// remembered (the next collector, or a retry, asks again).
/// </summary>
public sealed class ScrapeMemo
{
    private DeviceIdInfo? _deviceId;

    /// <summary>The BMC's Get Device ID answer, sent at most once per scrape when it succeeds.</summary>
    public async ValueTask<DeviceIdInfo> DeviceIdAsync(IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        if (_deviceId is { } known)
        {
            return known;
        }

        var answer = await channel.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
        _deviceId = answer;
        return answer;
    }
}
