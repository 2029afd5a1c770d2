using System.Text.Json;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// A real Prometheus (Debian <c>prometheus</c> 2.42) on loopback with a scrape config of the test's choosing, queried
/// over its HTTP API. Missing binary is a failure with the install command, never a skip.
/// </summary>
internal sealed class PrometheusServer : IAsyncDisposable
{
    private readonly ServerProcess _server;

    private PrometheusServer(ServerProcess server)
    {
        _server = server;
    }

    public HttpClient Client => _server.Client;

    /// <summary>
    /// Starts Prometheus with <paramref name="scrapeConfigsYaml"/> and, optionally, rule files to evaluate and an
    /// Alertmanager (<c>host:port</c>) to send firing alerts to.
    /// </summary>
    public static async Task<PrometheusServer> StartAsync(string scrapeConfigsYaml, IReadOnlyList<string>? ruleFiles = null, string? alertmanager = null)
    {
        var directory = ServerProcess.NewDirectory("prom-");
        var config = Path.Combine(directory, "prometheus.yml");
        var rules = ruleFiles is { Count: > 0 }
            ? "rule_files:\n" + string.Concat(ruleFiles.Select(f => $"  - {System.Text.Json.JsonSerializer.Serialize(f)}\n"))
            : string.Empty;
        var alerting = alertmanager is null
            ? string.Empty
            : $"alerting:\n  alertmanagers:\n    - static_configs:\n        - targets: [\"{alertmanager}\"]\n";
        await File.WriteAllTextAsync(config, "global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n" + rules + alerting + "scrape_configs:\n" + scrapeConfigsYaml);
        var port = ServerProcess.FreeTcpPort();
        string[] arguments = [$"--config.file={config}", $"--storage.tsdb.path={Path.Combine(directory, "data")}", $"--web.listen-address=127.0.0.1:{port}", "--log.level=warn"];
        return new PrometheusServer(await ServerProcess.StartAsync("prometheus", arguments, directory, port, "prometheus is not installed: apt-get install prometheus (scripts/install-test-deps.sh)"));
    }

    /// <summary>The value of a scalar-valued instant query (first sample), or <c>null</c> when the result is empty.</summary>
    public async Task<double?> QueryAsync(string promql)
    {
        using var response = await Client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var result = json.RootElement.GetProperty("data").GetProperty("result");
        return result.GetArrayLength() == 0
            ? null
            : double.Parse(result[0].GetProperty("value")[1].GetString()!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>An instant query's raw answer: its status (<c>success</c> or <c>error</c>), the error, and the series count.</summary>
    public async Task<(string Status, string? Error, int Series)> QueryStatusAsync(string promql)
    {
        using var response = await Client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var status = root.GetProperty("status").GetString()!;
        return status == "success"
            ? (status, null, root.GetProperty("data").GetProperty("result").GetArrayLength())
            : (status, root.GetProperty("error").GetString(), 0);
    }

    /// <summary>Every series of an instant query as text (<c>{labels} value</c>), for failure messages.</summary>
    public async Task<string> DumpAsync(string promql)
    {
        using var response = await Client.GetAsync("/api/v1/query?query=" + Uri.EscapeDataString(promql));
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.TryGetProperty("data", out var data)
            ? string.Join("\n", data.GetProperty("result").EnumerateArray().Select(r => $"{r.GetProperty("metric")} {r.GetProperty("value")[1]}"))
            : json.RootElement.ToString();
    }

    /// <summary>The alerts of <c>/api/v1/alerts</c> (pending and firing): each one's labels, state and <c>runbook_url</c> annotation.</summary>
    public async Task<IReadOnlyList<(IReadOnlyDictionary<string, string> Labels, string State, string? RunbookUrl)>> AlertsAsync()
    {
        using var response = await Client.GetAsync("/api/v1/alerts");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("data").GetProperty("alerts").EnumerateArray()
            .Select(a => (
                (IReadOnlyDictionary<string, string>)a.GetProperty("labels").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!, StringComparer.Ordinal),
                a.GetProperty("state").GetString()!,
                a.GetProperty("annotations").TryGetProperty("runbook_url", out var url) ? url.GetString() : null))
            .ToList();
    }

    /// <summary>Polls <paramref name="promql"/> until it equals <paramref name="expected"/> (at most 60 s).</summary>
    public async Task<double?> WaitForAsync(string promql, double expected)
    {
        double? last = null;
        for (var i = 0; i < 600; i++)
        {
            last = await QueryAsync(promql);
            if (last == expected)
            {
                return last;
            }

            await Task.Delay(100);
        }

        return last;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
