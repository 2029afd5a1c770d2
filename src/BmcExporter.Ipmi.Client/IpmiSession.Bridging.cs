using System.Buffers;
using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    /// <summary>
    /// Bridges through Send Message (IPMI v2.0 §22.7, §6.13; reference §3.9). The bridged answer is taken from the
    /// Send Message response when embedded, otherwise from the separate response message that follows.
    /// </summary>
    private async ValueTask<IpmiResponse> SendBridgedAsync(IpmiRequest request, CancellationToken cancellationToken)
    {
        var innerSequence = NextRequestSequence();
        var length = SendMessageBridge.GetRequestDataLength(request.Data.Length);
        var wrapped = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            SendMessageBridge.WriteRequestData(
                wrapped, request.BridgeChannel!.Value, request.TargetAddress, request.TargetLun, request.NetFn, request.Command, innerSequence, request.Data.Span);
            var outer = IpmiMessageHeader.ForRequest(NetFn.App, SendMessageBridge.Command, NextRequestSequence());
            await SendSealedAsync(outer, wrapped.AsMemory(0, length), $"Send Message bridging {OperationName.Of(request)}", cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(wrapped);
        }

        if (_replyCompletionCode != 0)
        {
            return new IpmiResponse(_replyCompletionCode, _replyData);
        }

        if (SendMessageBridge.TryParseEmbeddedResponse(_replyData, out var embedded))
        {
            return new IpmiResponse(embedded.CompletionCode, embedded.Data.ToArray());
        }

        var netFn = (byte)((byte)request.NetFn | 1);
        await ExchangeAsync(
            _ => 0,
            datagram => MatchInSession(datagram, netFn, request.Command, null),
            _requestTimer,
            1,
            1,
            $"bridged {OperationName.Of(request)}",
            cancellationToken).ConfigureAwait(false);
        return new IpmiResponse(_replyCompletionCode, _replyData);
    }
}
