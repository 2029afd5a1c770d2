using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Tests.Otlp;

/// <summary>
/// An OTLP/gRPC receiver: Kestrel on a loopback port speaking cleartext HTTP/2, unwrapping each gRPC
/// length-prefixed message and answering an empty Export response with grpc-status 0.
/// </summary>
internal sealed class OtlpGrpcReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;

    private OtlpGrpcReceiver(WebApplication app) => _app = app;

    public ConcurrentQueue<(string Path, byte[] Message)> Messages { get; } = new();

    public Uri BaseUri { get; private set; } = new("http://127.0.0.1");

    public static async Task<OtlpGrpcReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2));
        var app = builder.Build();
        var receiver = new OtlpGrpcReceiver(app);
        app.MapPost("/{service}/Export", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.BaseUri = new Uri(address);
        return receiver;
    }

    public IEnumerable<byte[]> Bodies(string service) => Messages.Where(m => m.Path == $"/{service}/Export").Select(m => m.Message);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var frame = buffer.ToArray();

        // gRPC message framing: 1 byte compressed flag, 4 bytes big-endian length, then the message.
        Assert.True(frame.Length >= 5, "gRPC frame shorter than its prefix");
        Assert.Equal(0, frame[0]);
        var length = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4));
        Assert.Equal(frame.Length - 5, length);
        Messages.Enqueue((context.Request.Path.Value!, frame[5..]));

        context.Response.ContentType = "application/grpc";
        await context.Response.Body.WriteAsync(new byte[5]);
        context.Response.AppendTrailer("grpc-status", "0");
    }
}
