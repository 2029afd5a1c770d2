using System.Runtime.CompilerServices;

namespace BmcExporter.Ipmi.Client.Operations;

/// <summary>Small helpers over <see cref="IIpmiChannel"/> shared by the operations.</summary>
internal static class ChannelCalls
{
    /// <summary>Sends and returns the response data, throwing <see cref="IpmiCompletionCodeException"/> on a non-zero completion code.</summary>
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public static async ValueTask<ReadOnlyMemory<byte>> SendOkAsync(this IIpmiChannel channel, IpmiRequest request, CancellationToken cancellationToken)
    {
        var response = await channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return response.EnsureOk(request.NetFn, request.Command).Data;
    }

    /// <summary>Waits <paramref name="delay"/> on the given clock (used between busy retries).</summary>
    public static Task DelayAsync(TimeProvider timeProvider, TimeSpan delay, CancellationToken cancellationToken)
        => delay <= TimeSpan.Zero ? Task.CompletedTask : Task.Delay(delay, timeProvider, cancellationToken);
}
