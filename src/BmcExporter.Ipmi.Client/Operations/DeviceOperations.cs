using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Get Device ID and Get Chassis Status over a channel.</summary>
public static class DeviceOperations
{
    public static async ValueTask<DeviceIdInfo> GetDeviceIdAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetDeviceId.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetDeviceId.DecodeResponse(data.Span);
    }

    public static async ValueTask<ChassisStatus> GetChassisStatusAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetChassisStatus.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetChassisStatus.DecodeResponse(data.Span);
    }
}
