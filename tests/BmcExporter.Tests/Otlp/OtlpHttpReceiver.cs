using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace BmcExporter.Tests.Otlp;

/// <summary>An OTLP/HTTP receiver on a loopback port: stores every request body by path, answers 200.</summary>
internal sealed class OtlpHttpReceiver : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public OtlpHttpReceiver()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _loop = Task.Run(LoopAsync);
    }

    public int Port { get; }

    public Uri BaseUri => new($"http://127.0.0.1:{Port}");

    public ConcurrentQueue<(string Path, string ContentType, byte[] Body, string? ApiKey)> Requests { get; } = new();

    public IEnumerable<byte[]> Bodies(string path) => Requests.Where(r => r.Path == path).Select(r => r.Body);

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }
    }

    private async Task LoopAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using var buffer = new MemoryStream();
            await context.Request.InputStream.CopyToAsync(buffer);
            Requests.Enqueue((context.Request.Url!.AbsolutePath, context.Request.ContentType ?? string.Empty, buffer.ToArray(), context.Request.Headers["x-api-key"]));
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }
}
