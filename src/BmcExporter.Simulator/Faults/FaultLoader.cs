using System.Globalization;
using BmcExporter.Simulator.Profiles;

namespace BmcExporter.Simulator.Faults;

/// <summary>Reads fault files (YAML: <c>faults: [ {bmcs: "0-9", loss: 0.1}, {fraction: 0.05, nodeBusy: 0.5} ]</c>).</summary>
public static class FaultLoader
{
    public static IReadOnlyList<FaultRule> LoadFile(string path)
    {
        if (!File.Exists(path))
        {
            throw new ProfileException($"fault file '{path}' does not exist");
        }

        return Parse(File.ReadAllText(path), path);
    }

    public static IReadOnlyList<FaultRule> Parse(string yaml, string source)
    {
        var doc = ProfileLoader.Deserialize<FaultFileDocument>(yaml, source);
        var errors = new ProfileErrors(source);
        var rules = new List<FaultRule>();
        foreach (var (r, i) in (doc.Faults ?? []).Select((r, i) => (r, i)))
        {
            var path = $"faults[{i}]";
            var plan = new FaultPlan
            {
                Latency = Ms(errors.Range(r.LatencyMs, 0, 600_000, 0, path + ".latencyMs")),
                Jitter = Ms(errors.Range(r.JitterMs, 0, 600_000, 0, path + ".jitterMs")),
                Loss = errors.Range(r.Loss, 0, 1, 0, path + ".loss"),
                Duplicate = errors.Range(r.Duplicate, 0, 1, 0, path + ".duplicate"),
                Reorder = errors.Range(r.Reorder, 0, 1, 0, path + ".reorder"),
                RebootEvery = r.RebootEverySeconds is null ? null : TimeSpan.FromSeconds(errors.Range(r.RebootEverySeconds, 1, 1e7, 300, path + ".rebootEverySeconds")),
                RebootDowntime = TimeSpan.FromSeconds(errors.Range(r.RebootDowntimeSeconds, 0, 3600, 5, path + ".rebootDowntimeSeconds")),
                StopAfter = r.StopAfterSeconds is null ? null : TimeSpan.FromSeconds(errors.Range(r.StopAfterSeconds, 0, 1e7, 0, path + ".stopAfterSeconds")),
                StopFor = r.StopForSeconds is null ? null : TimeSpan.FromSeconds(errors.Range(r.StopForSeconds, 0, 1e7, 0, path + ".stopForSeconds")),
                NodeBusy = errors.Range(r.NodeBusy, 0, 1, 0, path + ".nodeBusy"),
                ExhaustSessions = r.ExhaustSessions ?? false,
                SlowSdr = Ms(errors.Range(r.SlowSdrMs, 0, 600_000, 0, path + ".slowSdrMs")),
                Truncate = errors.Range(r.Truncate, 0, 1, 0, path + ".truncate"),
                Corrupt = errors.Range(r.Corrupt, 0, 1, 0, path + ".corrupt"),
                WrongAuthCode = errors.Range(r.WrongAuthCode, 0, 1, 0, path + ".wrongAuthCode"),
                WrongIntegrity = errors.Range(r.WrongIntegrity, 0, 1, 0, path + ".wrongIntegrity"),
                Mutate = errors.Range(r.Mutate, 0, 1, 0, path + ".mutate"),
            };
            if (r.StopForSeconds is not null && r.StopAfterSeconds is null)
            {
                errors.Add(path + ".stopForSeconds", "needs stopAfterSeconds");
            }

            var bmcs = r.Bmcs is null ? null : ParseIndexes(r.Bmcs, errors, path + ".bmcs");
            double? fraction = r.Fraction is null ? null : errors.Range(r.Fraction, 0, 1, 1, path + ".fraction");
            rules.Add(new FaultRule(bmcs, fraction, plan));
        }

        errors.ThrowIfAny();
        return rules;
    }

    /// <summary>Parses "0-9,15,20-22" into a set of BMC indexes.</summary>
    internal static HashSet<int>? ParseIndexes(string text, ProfileErrors errors, string path)
    {
        var set = new HashSet<int>();
        foreach (var part in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var dash = part.IndexOf('-', StringComparison.Ordinal);
            if (dash > 0
                && int.TryParse(part.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out var lo)
                && int.TryParse(part.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var hi)
                && lo <= hi && hi - lo < 1_000_000)
            {
                for (var i = lo; i <= hi; i++)
                {
                    set.Add(i);
                }
            }
            else if (int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var one))
            {
                set.Add(one);
            }
            else
            {
                errors.Add(path, $"'{part}' is not an index or a range like 0-9");
                return null;
            }
        }

        return set;
    }

    /// <summary>Picks the merged plan for every BMC; BMCs with the same matching rules share one instance.</summary>
    public static FaultPlan[] Assign(IReadOnlyList<FaultRule> rules, int count, ulong seed)
    {
        var plans = new FaultPlan[count];
        var cache = new Dictionary<string, FaultPlan>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var key = new System.Text.StringBuilder();
            var plan = FaultPlan.None;
            for (var r = 0; r < rules.Count; r++)
            {
                if (rules[r].Selects(i, seed, r))
                {
                    key.Append(r).Append(',');
                    plan = FaultRule.Merge(plan, rules[r].Plan);
                }
            }

            var k = key.ToString();
            if (!cache.TryGetValue(k, out var shared))
            {
                shared = k.Length == 0 ? FaultPlan.None : plan;
                cache[k] = shared;
            }

            plans[i] = shared;
        }

        return plans;
    }

    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);
}
