using System.Text.RegularExpressions;

namespace BmcExporter.Tests.EndToEnd;

/// <summary>
/// Test-only copies of the shipped rule files that a Prometheus can bring to firing within seconds. Exactly two
/// things change, line by line, and nothing else: every non-zero alert <c>for:</c> becomes <see cref="For"/>, and
/// every group <c>interval:</c> (the anomaly group's 5m) becomes <see cref="Interval"/>. Expressions, their range
/// windows and offsets, labels and annotations stay as shipped (docs/deployment.md, "How the alerts are tested").
/// </summary>
internal static partial class ShortenedRules
{
    /// <summary>What every non-zero <c>for:</c> becomes: long enough to ride out the first scrapes, short for a test.</summary>
    public const string For = "4s";

    /// <summary>What every group <c>interval:</c> becomes (Prometheus' global evaluation interval in tests is 1 s).</summary>
    public const string Interval = "1s";

    /// <summary>Writes the rewritten copies of <paramref name="ruleFiles"/> into <paramref name="directory"/> and returns their paths.</summary>
    public static IReadOnlyList<string> Write(IEnumerable<string> ruleFiles, string directory)
    {
        Directory.CreateDirectory(directory);
        var written = new List<string>();
        foreach (var file in ruleFiles)
        {
            var copy = Path.Combine(directory, Path.GetFileName(file));
            File.WriteAllText(copy, Rewrite(File.ReadAllText(file)));
            written.Add(copy);
        }

        return written;
    }

    /// <summary>The rewrite itself (also used by the test that proves it touches nothing else).</summary>
    public static string Rewrite(string rules)
    {
        var lines = rules.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var match = ForLine().Match(lines[i]);
            if (match.Success && !IsZero(match.Groups["value"].Value))
            {
                lines[i] = match.Groups["indent"].Value + "for: " + For;
                continue;
            }

            match = IntervalLine().Match(lines[i]);
            if (match.Success)
            {
                lines[i] = match.Groups["indent"].Value + "interval: " + Interval;
            }
        }

        return string.Join('\n', lines);
    }

    private static bool IsZero(string duration) => ZeroDuration().IsMatch(duration);

    [GeneratedRegex(@"^(?<indent>\s+)for:\s*(?<value>\S+)\s*$")]
    private static partial Regex ForLine();

    // A group's interval sits at the group's indent (4 spaces under `groups:`), beside `name:`.
    [GeneratedRegex(@"^(?<indent>\s{4})interval:\s*(?<value>\S+)\s*$")]
    private static partial Regex IntervalLine();

    [GeneratedRegex(@"^0+[a-z]*$")]
    private static partial Regex ZeroDuration();
}
