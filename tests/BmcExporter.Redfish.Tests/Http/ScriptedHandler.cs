using System.Net;
using System.Text;

namespace BmcExporter.Redfish.Tests.Http;

/// <summary>An in-process Redfish service answering from a table of path → response; records every request.</summary>
internal sealed class ScriptedHandler : HttpMessageHandler
{
    private readonly Func<HttpRequestMessage, HttpResponseMessage?> _script;

    public ScriptedHandler(Func<HttpRequestMessage, HttpResponseMessage?> script) => _script = script;

    public List<string> Requests { get; } = [];

    public static HttpResponseMessage Json(string body, HttpStatusCode status = HttpStatusCode.OK, string mediaType = "application/json") =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, mediaType) };

    public static HttpResponseMessage Bytes(byte[] body, string mediaType = "application/json")
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    public static RedfishClientOptions Options(TimeProvider? time = null) => new()
    {
        BaseUri = new Uri("https://bmc.test"),
        UserName = "reader",
        Password = RedfishSecret.FromString("pw"),
        TimeProvider = time ?? TimeProvider.System,
    };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (Requests)
        {
            Requests.Add($"{request.Method} {request.RequestUri!.PathAndQuery}");
        }

        return Task.FromResult(_script(request) ?? Json("""{"error":{"code":"Base.1.8.ResourceMissingAtURI","message":"missing"}}""", HttpStatusCode.NotFound));
    }
}
