using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A real Alertmanager (Debian <c>prometheus-alertmanager</c> 0.25) on loopback, clustering off, running the shipped
/// example config with two test-only changes: its webhook URLs point at a <see cref="WebhookReceiver"/>, and its
/// group_wait/group_interval/repeat_interval are 1s/1s/1h so notifications come within seconds. Routes and inhibit
/// rules are used exactly as shipped. A missing binary is a failure with the install command, never a skip.
/// </summary>
internal sealed partial class AlertmanagerServer : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private AlertmanagerServer(ServerProcess server, WebhookReceiver receiver)
    {
        _server = server;
        Receiver = receiver;
    }

    /// <summary><c>host:port</c> of its API (Prometheus' <c>alerting:</c> target).</summary>
    public string Authority => _server.Authority;

    /// <summary>The receiver every notification goes to (paths <c>/page</c> and <c>/ticket</c> as in the example).</summary>
    public WebhookReceiver Receiver { get; }

    public HttpClient Client => _server.Client;

    public static async Task<AlertmanagerServer> StartAsync(string exampleConfig)
    {
        var directory = ServerProcess.NewDirectory("am-");
        var receiver = WebhookReceiver.Start();
        try
        {
            var config = Path.Combine(directory, "alertmanager.yml");
            await File.WriteAllTextAsync(config, Rewrite(await File.ReadAllTextAsync(exampleConfig), receiver.BaseUrl));
            var port = ServerProcess.FreeTcpPort();
            string[] arguments = [$"--config.file={config}", $"--storage.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--cluster.listen-address=", "--log.level=warn"];
            var server = await ServerProcess.StartAsync("prometheus-alertmanager", arguments, directory, port, "Alertmanager is not installed: apt-get install prometheus-alertmanager (scripts/install-test-deps.sh)");
            return new AlertmanagerServer(server, receiver);
        }
        catch
        {
            await receiver.DisposeAsync();
            throw;
        }
    }

    /// <summary>The example config with the receivers' URLs and the notification timers changed, nothing else.</summary>
    public static string Rewrite(string config, string receiverBaseUrl)
    {
        var rewritten = WebhookBase().Replace(config, "${key}" + receiverBaseUrl + "/");
        rewritten = GroupTimer().Replace(rewritten, m => m.Groups["indent"].Value + m.Groups["key"].Value + ": " + (m.Groups["key"].Value == "repeat_interval" ? "1h" : "1s"));
        return rewritten;
    }

    /// <summary>Alertmanager's alerts (<c>/api/v2/alerts</c>): labels, state (<c>active</c>, <c>suppressed</c>) and the fingerprints inhibiting each.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, string State, int InhibitedBy)>> AlertsAsync()
    {
        using var response = await Client.GetAsync("/api/v2/alerts");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.EnumerateArray()
            .Select(a => (
                (IReadOnlyDictionary<string, string>)a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                a.GetProperty("status").GetProperty("state").GetString()!,
                a.GetProperty("status").GetProperty("inhibitedBy").GetArrayLength()))
            .ToList();
    }

    /// <summary>Posts alerts as a Prometheus would (<c>/api/v2/alerts</c>), each a set of labels, firing for 10 minutes.</summary>
    public async Task PostAsync(params IReadOnlyDictionary<string, string>[] alerts)
    {
        var body = JsonSerializer.Serialize(alerts.Select(labels => new
        {
            labels,
            startsAt = DateTime.UtcNow.AddSeconds(-5).ToString("O"),
            endsAt = DateTime.UtcNow.AddMinutes(10).ToString("O"),
        }));
        using var response = await Client.PostAsync("/api/v2/alerts", new StringContent(body, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        await Receiver.DisposeAsync();
    }

    [GeneratedRegex(@"(?<key>url:\s*)http://127\.0\.0\.1:5001/")]
    private static partial Regex WebhookBase();

    [GeneratedRegex(@"^(?<indent>\s*)(?<key>group_wait|group_interval|repeat_interval):\s*\S+\s*$", RegexOptions.Multiline)]
    private static partial Regex GroupTimer();
}
