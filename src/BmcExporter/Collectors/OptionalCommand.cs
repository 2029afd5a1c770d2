using BmcExporter.Ipmi;

namespace BmcExporter.Collectors;

/// <summary>
/// One cheap command a collector reads beside its main one (restart cause, POH counter, self test, SEL time). A BMC
/// that refuses it does not fail the collector: the figure is left out, and a refusal (not a transient "busy") is
/// remembered per target in <see cref="CollectContext.Features"/> so the command is not sent again every scrape.
/// </summary>
internal static class OptionalCommand
{
    /// <summary>
    /// Runs <paramref name="read"/> unless <paramref name="feature"/> is known unsupported; returns whether it answered.
    /// Transport errors (timeouts, a lost session) still propagate: they are the collector's failure, not a refusal.
    /// </summary>
    public static async ValueTask<(bool Answered, T Value)> TryAsync<T>(
        CollectContext context,
        string feature,
        string command,
        Func<IIpmiChannel, CancellationToken, ValueTask<T>> read,
        CancellationToken cancellationToken)
    {
        if (context.Features.IsKnownUnsupported(feature))
        {
            return (false, default!);
        }

        try
        {
            return (true, await read(context.Channel, cancellationToken).ConfigureAwait(false));
        }
        catch (IpmiCompletionCodeException e)
        {
            if (!IsTransient(e.CompletionCode))
            {
                context.Features.MarkUnsupported(feature, $"{command} refused: completion code 0x{e.CompletionCode:X2} ({CompletionCodes.Describe(e.CompletionCode)})");
            }
        }
        catch (IpmiProtocolException e)
        {
            // A reply too short for its command (IPMI v2.0 §5.2 says a BMC answers in full or with an error code).
            context.Features.MarkUnsupported(feature, $"{command} answer malformed: {e.Message}");
        }

        return (false, default!);
    }

    /// <summary>Codes that say "not now" rather than "never" (IPMI v2.0 §5.2, table 5-2): asked again next scrape.</summary>
    internal static bool IsTransient(byte code) => code is (byte)CompletionCode.NodeBusy or (byte)CompletionCode.Timeout
        or (byte)CompletionCode.ResponseCouldNotBeProvided or (byte)CompletionCode.DuplicatedRequest
        or (byte)CompletionCode.SdrRepositoryInUpdateMode or (byte)CompletionCode.FirmwareUpdateMode
        or (byte)CompletionCode.InitializationInProgress or (byte)CompletionCode.DestinationUnavailable;
}
