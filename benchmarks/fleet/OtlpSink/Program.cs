// A local OTLP receiver for benchmarks/fleet/scale.sh --otlp: OTLP/gRPC (the official ASP.NET Core gRPC server,
// gzip accepted) on PORT, cleartext HTTP/2 with prior knowledge, and OTLP/HTTP with protobuf bodies (/v1/metrics,
// /v1/logs, gzip or identity) over HTTP/1.1 on PORT+1 (Kestrel cannot tell cleartext HTTP/2 from HTTP/1.1 on one
// port). It decodes every request with the generated classes and prints its running totals after each one.
// Usage: dotnet OtlpSink.dll 127.0.0.1:PORT
using System.IO.Compression;
using System.Net;
using BmcExporter.Benchmarks.OtlpSink;
using BmcExporter.Otlp.Proto.Collector.Logs;
using BmcExporter.Otlp.Proto.Collector.Metrics;
using Google.Protobuf;
using Microsoft.AspNetCore.Server.Kestrel.Core;

if (args.Length != 1 || !IPEndPoint.TryParse(args[0], out var listen))
{
    Console.Error.WriteLine("usage: OtlpSink HOST:PORT (a loopback address)");
    return 2;
}

if (!IPAddress.IsLoopback(listen.Address))
{
    Console.Error.WriteLine("OtlpSink listens on loopback addresses only");
    return 2;
}

// No appsettings.json watch: by default the host watches its working directory recursively for it.
var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
{
    Args = ["--hostBuilder:reloadConfigOnChange=false"],
    ContentRootPath = AppContext.BaseDirectory,
});
builder.Logging.ClearProviders();
builder.WebHost.ConfigureKestrel(k =>
{
    k.Limits.MaxRequestBodySize = 256 * 1024 * 1024;
    k.Listen(listen, o => o.Protocols = HttpProtocols.Http2);
    k.Listen(new IPEndPoint(listen.Address, listen.Port + 1), o => o.Protocols = HttpProtocols.Http1);
});
builder.Services.AddGrpc(o => o.MaxReceiveMessageSize = 256 * 1024 * 1024);
var counters = new SinkCounters();
builder.Services.AddSingleton(counters);
var app = builder.Build();
app.MapGrpcService<MetricsReceiver>();
app.MapGrpcService<LogsReceiver>();
app.MapPost("/v1/metrics", async (HttpContext context) =>
{
    var (body, wireBytes) = await ReadBodyAsync(context.Request);
    counters.Add(ExportMetricsServiceRequest.Parser.ParseFrom(body), wireBytes);
    return Results.Bytes(new ExportMetricsServiceResponse().ToByteArray(), "application/x-protobuf");
});
app.MapPost("/v1/logs", async (HttpContext context) =>
{
    var (body, wireBytes) = await ReadBodyAsync(context.Request);
    counters.Add(ExportLogsServiceRequest.Parser.ParseFrom(body), wireBytes);
    return Results.Bytes(new ExportLogsServiceResponse().ToByteArray(), "application/x-protobuf");
});
counters.Print();
await app.RunAsync();
counters.Print();
return 0;

static async Task<(byte[] Body, long WireBytes)> ReadBodyAsync(HttpRequest request)
{
    using var wire = new MemoryStream();
    await request.Body.CopyToAsync(wire);
    if (!string.Equals(request.Headers.ContentEncoding, "gzip", StringComparison.OrdinalIgnoreCase))
    {
        return (wire.ToArray(), wire.Length);
    }

    wire.Position = 0;
    using var plain = new MemoryStream();
    await using (var gzip = new GZipStream(wire, CompressionMode.Decompress, leaveOpen: true))
    {
        await gzip.CopyToAsync(plain);
    }

    return (plain.ToArray(), wire.Length);
}
