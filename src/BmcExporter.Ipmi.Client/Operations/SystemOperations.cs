using System.Text;
using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Get Watchdog Timer, Get System Info Parameters and the Supermicro LAN mode OEM command over a channel.</summary>
public static class SystemOperations
{
    public static async ValueTask<WatchdogTimer> GetWatchdogTimerAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetWatchdogTimer.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetWatchdogTimer.DecodeResponse(data.Span);
    }

    public static async ValueTask<byte> GetSupermicroLanModeAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(SupermicroLanMode.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return SupermicroLanMode.DecodeResponse(data.Span);
    }

    /// <summary>
    /// The System Firmware Version string as FreeIPMI's <c>bmc-info</c> prints it, or <c>null</c> when it prints
    /// none: the BMC answers "invalid command", "invalid data field" or "parameter not supported" (to the first or
    /// any later block), or another completion code (bmc-info then fails). Blocks are read until the declared length is
    /// reached (at most <see cref="GetSystemInfoParameters.MaxSetSelectors"/>); the string ends at its first NUL.
    /// </summary>
    public static async ValueTask<string?> GetSystemFirmwareVersionAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var bytes = new List<byte>(64);
        var first = await ReadBlockAsync(channel, 0, cancellationToken).ConfigureAwait(false);
        if (first is not { } block0)
        {
            return null;
        }

        var length = block0.DeclaredLength ?? 0;
        bytes.AddRange(block0.Bytes);
        for (byte set = 1; bytes.Count < length && set < GetSystemInfoParameters.MaxSetSelectors; set++)
        {
            if (await ReadBlockAsync(channel, set, cancellationToken).ConfigureAwait(false) is not { } next)
            {
                return null;
            }

            bytes.AddRange(next.Bytes);
        }

        var text = bytes.ToArray().AsSpan();
        var nul = text.IndexOf((byte)0);
        return Encoding.Latin1.GetString(nul >= 0 ? text[..nul] : text);
    }

    private static async ValueTask<SystemInfoBlock?> ReadBlockAsync(IIpmiChannel channel, byte set, CancellationToken cancellationToken)
    {
        var request = GetSystemInfoParameters.CreateRequest(GetSystemInfoParameters.SystemFirmwareVersion, set);
        var response = await channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.IsOk ? GetSystemInfoParameters.DecodeStringBlock(response.Data.Span, set) : null;
    }
}
