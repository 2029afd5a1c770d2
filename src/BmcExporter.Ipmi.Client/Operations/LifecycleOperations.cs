using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Lifecycle reads: restart cause, power-on hours, BMC self test and the BMC's clock.</summary>
public static class LifecycleOperations
{
    /// <summary>Get System Restart Cause (IPMI v2.0 §28.11).</summary>
    public static async ValueTask<(RestartCause Cause, byte Channel)> GetSystemRestartCauseAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetSystemRestartCause.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetSystemRestartCause.DecodeResponse(data.Span);
    }

    /// <summary>Get POH Counter (IPMI v2.0 §28.14): the power-on time.</summary>
    public static async ValueTask<TimeSpan> GetPowerOnTimeAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetPohCounter.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetPohCounter.DecodeResponse(data.Span);
    }

    /// <summary>Get Self Test Results (IPMI v2.0 §20.4).</summary>
    public static async ValueTask<(byte Result, byte Detail)> GetSelfTestResultsAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetSelfTestResults.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetSelfTestResults.DecodeResponse(data.Span);
    }

    /// <summary>Get SEL Time (IPMI v2.0 §31.10): the BMC's clock in seconds since 1970.</summary>
    public static async ValueTask<uint> GetSelTimeAsync(this IIpmiChannel channel, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(channel);
        var data = await channel.SendOkAsync(GetSelTime.CreateRequest(), cancellationToken).ConfigureAwait(false);
        return GetSelTime.DecodeResponse(data.Span);
    }
}
