using System.Net;

namespace BmcExporter.Otlp.Wire;

/// <summary>An <see cref="HttpContent"/> streaming an <see cref="ExportPayload"/> with a known length.</summary>
internal sealed class PayloadContent(ExportPayload payload, bool grpc) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        payload.WriteAsync(stream, grpc, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        payload.WriteAsync(stream, grpc, cancellationToken);

    protected override bool TryComputeLength(out long length)
    {
        length = payload.BodyLength(grpc);
        return true;
    }
}
