using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A loopback HTTP endpoint standing in for an Alertmanager webhook receiver: it records, per request path, every
/// alert of every notification it is sent (Alertmanager webhook payload, version 4).
/// </summary>
internal sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<Delivery> _deliveries = new();
    private readonly Task _loop;

    private WebhookReceiver(int port)
    {
        BaseUrl = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(BaseUrl + "/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Where the receiver listens (no trailing slash).</summary>
    public string BaseUrl { get; }

    /// <summary>Every alert delivered so far: the path it was posted to, its labels and its status.</summary>
    public IReadOnlyList<Delivery> Deliveries => _deliveries.ToArray();

    public static WebhookReceiver Start()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return new WebhookReceiver(port);
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop;
    }

    private async Task ServeAsync()
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

            using (var json = await JsonDocument.ParseAsync(context.Request.InputStream))
            {
                foreach (var alert in json.RootElement.GetProperty("alerts").EnumerateArray())
                {
                    var labels = alert.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal);
                    _deliveries.Enqueue(new Delivery(context.Request.Url!.AbsolutePath, labels, alert.GetProperty("status").GetString()!));
                }
            }

            context.Response.StatusCode = 200;
            context.Response.Close();
        }
    }

    /// <summary>One alert of one webhook notification.</summary>
    public sealed record Delivery(string Path, IReadOnlyDictionary<string, string> Labels, string Status);
}
