using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Outcome of a DCMI power query: a reading, or "not supported" with the completion code that said so.</summary>
public readonly record struct DcmiPowerResult(bool Supported, DcmiPowerReading? Reading, byte? CompletionCode, string? Reason)
{
    public static DcmiPowerResult NotSupported(byte completionCode) => new(
        false, null, completionCode, $"DCMI power reading not supported: completion code 0x{completionCode:X2} ({CompletionCodes.Describe(completionCode)})");
}

/// <summary>DCMI Get Power Reading and Get DCMI Capabilities (protocol reference §3.7).</summary>
public static class DcmiOperations
{
    /// <summary>
    /// Reads system power (mode 1). Completion codes with which BMCs refuse DCMI (0xC1 on ipmi_sim, 0xCC, 0xD4,
    /// 0xD5...) give a "not supported" result, not an exception; other failures throw.
    /// </summary>
    public static async ValueTask<DcmiPowerResult> GetPowerReadingAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var request = Dcmi.CreatePowerReadingRequest();
        var response = await channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Dcmi.IsUnsupported(response.CompletionCode))
        {
            return DcmiPowerResult.NotSupported(response.CompletionCode);
        }

        response.EnsureOk(request.NetFn, request.Command);
        return new DcmiPowerResult(true, Dcmi.DecodePowerReadingResponse(response.Data.Span), 0, null);
    }

    /// <summary>Get DCMI Capabilities Info for a parameter; null when the BMC has no DCMI.</summary>
    public static async ValueTask<DcmiCapabilities?> GetCapabilitiesAsync(this IIpmiChannel channel, byte parameter, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var request = Dcmi.CreateCapabilitiesRequest(parameter);
        var response = await channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (Dcmi.IsUnsupported(response.CompletionCode))
        {
            return null;
        }

        response.EnsureOk(request.NetFn, request.Command);
        return Dcmi.DecodeCapabilitiesResponse(response.Data.Span);
    }
}
