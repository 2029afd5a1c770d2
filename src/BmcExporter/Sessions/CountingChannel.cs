using System.Runtime.CompilerServices;
using BmcExporter.Snapshots;
using BmcExporter.Ipmi;

namespace BmcExporter.Sessions;

/// <summary>Counts commands and failures of one target for the self-metrics, then forwards.</summary>
internal sealed class CountingChannel(IIpmiChannel inner, TargetStats stats, SnapshotBuilder builder) : IIpmiChannel
{
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))]
    public async ValueTask<IpmiResponse> SendAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await inner.SendAsync(request, cancellationToken).ConfigureAwait(false);
            stats.RecordCommand(failed: !response.IsOk);
            builder.NoteAnswer();
            return response;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            stats.RecordCommand(failed: true);
            throw;
        }
    }
}
