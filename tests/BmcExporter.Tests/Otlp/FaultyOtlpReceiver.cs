using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.IO.Compression;
using System.Net;
using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using BmcExporter.Otlp.Proto.Rpc;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Tests.Otlp;

/// <summary>What the receiver does with one request.</summary>
internal abstract record Fault
{
    public static Fault Http(int status, TimeSpan? retryAfter = null) => new HttpFault(status, retryAfter);

    public static Fault Grpc(int status, TimeSpan? retryDelay = null) => new GrpcFault(status, retryDelay);

    /// <summary>Reads the request, then aborts the connection without an answer.</summary>
    public static Fault Drop { get; } = new DropFault();

    /// <summary>Keeps the request's data (the collector has it), then aborts the connection: the client must send it again.</summary>
    public static Fault AcceptThenDrop { get; } = new AcceptThenDropFault();
}

internal sealed record AcceptThenDropFault : Fault;

internal sealed record HttpFault(int Status, TimeSpan? RetryAfter) : Fault;

internal sealed record GrpcFault(int Status, TimeSpan? RetryDelay) : Fault;

internal sealed record DropFault : Fault;

/// <summary>
/// An OTLP receiver on loopback that fails on purpose: every request takes the next scripted <see cref="Fault"/>
/// (or succeeds when none is left, or when <see cref="Failing"/> returns null). It speaks OTLP/gRPC (cleartext
/// HTTP/2, framing and trailers by hand, gzip messages) or OTLP/HTTP (HTTP/1.1), and decodes accepted requests with
/// the generated classes.
/// </summary>
internal sealed class FaultyOtlpReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Fault> _script = new();

    private FaultyOtlpReceiver(WebApplication app, bool grpc)
    {
        _app = app;
        Grpc = grpc;
    }

    public bool Grpc { get; }

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1");

    /// <summary>Every request seen (accepted or not), with the time it arrived.</summary>
    public ConcurrentQueue<(string Path, DateTimeOffset At, bool Accepted, Dictionary<string, string> Headers)> Requests { get; } = new();

    public ConcurrentQueue<ExportMetricsServiceRequest> Metrics { get; } = new();

    public ConcurrentQueue<ExportLogsServiceRequest> Logs { get; } = new();

    /// <summary>A fault chosen per request after the script is empty; null = accept.</summary>
    public Func<Fault?>? Failing { get; set; }

    public TimeProvider Clock { get; set; } = TimeProvider.System;

    public static async Task<FaultyOtlpReceiver> StartAsync(bool grpc)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, o => o.Protocols = grpc ? HttpProtocols.Http2 : HttpProtocols.Http1));
        var app = builder.Build();
        var receiver = new FaultyOtlpReceiver(app, grpc);
        app.MapPost("/{**path}", receiver.HandleAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        receiver.Endpoint = new Uri(address);
        return receiver;
    }

    public void Script(params Fault[] faults)
    {
        foreach (var f in faults)
        {
            _script.Enqueue(f);
        }
    }

    public IEnumerable<string> LogUids() => Logs
        .SelectMany(r => r.ResourceLogs).SelectMany(r => r.ScopeLogs).SelectMany(s => s.LogRecords)
        .Select(l => l.Attributes.First(a => a.Key == "log.record.uid").Value.StringValue);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var body = buffer.ToArray();
        var fault = _script.TryDequeue(out var scripted) ? scripted : Failing?.Invoke();
        var path = context.Request.Path.Value!;
        Requests.Enqueue((path, Clock.GetUtcNow(), fault is null, context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        switch (fault)
        {
            case DropFault:
                context.Abort();
                return;
            case HttpFault http:
                context.Response.StatusCode = http.Status;
                if (http.RetryAfter is { } after)
                {
                    context.Response.Headers.RetryAfter = ((int)after.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
                }

                return;
            case GrpcFault g:
                context.Response.ContentType = "application/grpc";
                context.Response.Headers["grpc-status"] = g.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
                context.Response.Headers["grpc-message"] = "try%20later";
                if (g.RetryDelay is { } delay)
                {
                    var status = new Status { Code = g.Status, Message = "try later" };
                    status.Details.Add(Any.Pack(new RetryInfo { RetryDelay = Duration.FromTimeSpan(delay) }));
                    context.Response.Headers["grpc-status-details-bin"] = Convert.ToBase64String(status.ToByteArray()).TrimEnd('=');
                }

                return;
        }

        if (fault is AcceptThenDropFault)
        {
            Store(path, body, context);
            context.Abort();
            return;
        }

        var metrics = Store(path, body, context);
        var response = metrics ? new ExportMetricsServiceResponse().ToByteArray() : new ExportLogsServiceResponse().ToByteArray();
        if (Grpc)
        {
            context.Response.ContentType = "application/grpc";
            var framed = new byte[5 + response.Length];
            BinaryPrimitives.WriteUInt32BigEndian(framed.AsSpan(1), (uint)response.Length);
            response.CopyTo(framed, 5);
            await context.Response.Body.WriteAsync(framed);
            context.Response.AppendTrailer("grpc-status", "0");
        }
        else
        {
            context.Response.ContentType = "application/x-protobuf";
            await context.Response.Body.WriteAsync(response);
        }
    }

    private bool Store(string path, byte[] body, HttpContext context)
    {
        var message = Grpc ? UnframeGrpc(body, context.Request.Headers["grpc-encoding"]) : Decode(body, context.Request.Headers.ContentEncoding);
        var metrics = path.Contains("metrics", StringComparison.OrdinalIgnoreCase);
        if (metrics)
        {
            Metrics.Enqueue(ExportMetricsServiceRequest.Parser.ParseFrom(message));
        }
        else
        {
            Logs.Enqueue(ExportLogsServiceRequest.Parser.ParseFrom(message));
        }

        return metrics;
    }

    private static byte[] UnframeGrpc(byte[] frame, string? encoding)
    {
        Assert.True(frame.Length >= 5, "gRPC frame shorter than its prefix");
        var length = BinaryPrimitives.ReadInt32BigEndian(frame.AsSpan(1, 4));
        Assert.Equal(frame.Length - 5, length);
        var message = frame[5..];
        if (frame[0] == 1)
        {
            Assert.Equal("gzip", encoding);
            return Gunzip(message);
        }

        return message;
    }

    private static byte[] Decode(byte[] body, string? encoding) => encoding == "gzip" ? Gunzip(body) : body;

    private static byte[] Gunzip(byte[] data)
    {
        using var input = new MemoryStream(data);
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        gzip.CopyTo(output);
        return output.ToArray();
    }
}
