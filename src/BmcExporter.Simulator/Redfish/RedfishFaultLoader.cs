using BmcExporter.Simulator.Faults;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Redfish;

/// <summary>YAML form of Redfish faults: <c>faults: [ { bmcs: "0-3", path: Sensors, latencyMs: 200, unavailable: 2, retryAfterSeconds: 1, truncate: 0.1, wrongContentType: 0.1, sessionLifetimeSeconds: 60 } ]</c>.</summary>
internal static class RedfishFaultLoader
{
    public static IReadOnlyList<RedfishFaultRule> Parse(string yaml, string source)
    {
        var doc = ProfileLoader.Deserialize<RedfishFaultFile>(yaml, source);
        var errors = new ProfileErrors(source);
        var rules = new List<RedfishFaultRule>();
        foreach (var (r, i) in (doc.Faults ?? []).Select((r, i) => (r, i)))
        {
            var path = $"faults[{i}]";
            rules.Add(new RedfishFaultRule
            {
                Bmcs = r.Bmcs is null ? null : FaultLoader.ParseIndexes(r.Bmcs, errors, path + ".bmcs"),
                PathContains = r.Path,
                Latency = TimeSpan.FromMilliseconds(errors.Range(r.LatencyMs, 0, 600_000, 0, path + ".latencyMs")),
                UnavailableRequests = (int)errors.Range(r.Unavailable, 0, 1e6, 0, path + ".unavailable"),
                RetryAfter = TimeSpan.FromSeconds(errors.Range(r.RetryAfterSeconds, 0, 3600, 1, path + ".retryAfterSeconds")),
                Truncate = errors.Range(r.Truncate, 0, 1, 0, path + ".truncate"),
                WrongContentType = errors.Range(r.WrongContentType, 0, 1, 0, path + ".wrongContentType"),
                SessionLifetime = r.SessionLifetimeSeconds is null ? null : TimeSpan.FromSeconds(errors.Range(r.SessionLifetimeSeconds, 1, 1e7, 60, path + ".sessionLifetimeSeconds")),
            });
        }

        errors.ThrowIfAny();
        return rules;
    }

    internal sealed class RedfishFaultFile
    {
        public List<RedfishFaultItem>? Faults { get; set; }
    }

    internal sealed class RedfishFaultItem
    {
        public string? Bmcs { get; set; }

        public string? Path { get; set; }

        public double? LatencyMs { get; set; }

        public double? Unavailable { get; set; }

        public double? RetryAfterSeconds { get; set; }

        public double? Truncate { get; set; }

        public double? WrongContentType { get; set; }

        public double? SessionLifetimeSeconds { get; set; }
    }
}
