using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;

namespace BmcExporter.Collectors;

/// <summary>
/// What reading one FRU device gave: its data, or why it is absent (an answer: the BMC keeps no FRU data behind this
/// ID), or why it failed (another completion code or malformed data; worth asking again). Exactly one is set.
/// </summary>
/// <param name="Result">The device's FRU data, decoded.</param>
/// <param name="AbsentReason">The BMC's "no such device" answer, as text.</param>
/// <param name="Failure">The error that kept the device from being read, as text.</param>
public readonly record struct FruDeviceOutcome(FruReadResult? Result, string? AbsentReason, string? Failure);

/// <summary>
/// Reads one FRU device (Get FRU Inventory Area Info, Read FRU Data; IPMI v2.0 §34.1, §34.2) and sorts the BMC's
/// refusals into "not present" and "failed". One code path for the <c>fru</c> collector and <c>bmc-exporter fru</c>.
/// A transient error (timeout, lost session) is not sorted here: it propagates to the caller's retry logic.
/// </summary>
public static class FruDeviceReader
{
    /// <summary>Reads <paramref name="device"/> over <paramref name="channel"/>.</summary>
    public static async Task<FruDeviceOutcome> ReadAsync(IIpmiChannel channel, FruDevice device, FruReadOptions options, CancellationToken cancellationToken)
    {
        try
        {
            var result = await FruReader.ReadAsync(channel, device.Id, options, cancellationToken).ConfigureAwait(false);
            return new FruDeviceOutcome(result, null, null);
        }
        catch (IpmiCompletionCodeException e) when (e.NetFn == NetFn.Storage && e.Command is 0x10 or 0x11 && IsAbsent(e.CompletionCode))
        {
            // Get FRU Inventory Area Info / Read FRU Data (IPMI v2.0 §34.1, §34.2) refused: no FRU data behind this ID.
            return new FruDeviceOutcome(null, $"completion code 0x{e.CompletionCode:X2}, {CompletionCodes.Describe(e.CompletionCode)}", null);
        }
        catch (Exception e) when (e is IpmiCompletionCodeException or IpmiProtocolException && !ErrorClassifier.IsTransient(e))
        {
            // Another answer or malformed data of this device only: the other devices are still read.
            return new FruDeviceOutcome(null, null, ErrorClassifier.Describe(e));
        }
    }

    /// <summary>Codes with which BMCs say there is no such FRU device (IPMI v2.0 §5.2): not present, invalid command or field, not now, not for this privilege.</summary>
    private static bool IsAbsent(byte code) => code is (byte)CompletionCode.NotPresent or (byte)CompletionCode.InvalidCommand
        or (byte)CompletionCode.InvalidDataField or (byte)CompletionCode.NotSupportedInPresentState or (byte)CompletionCode.InsufficientPrivilege;
}
