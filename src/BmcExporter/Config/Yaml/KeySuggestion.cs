namespace BmcExporter.Config.Yaml;

/// <summary>"Did you mean" for a misspelt key or name: the closest known one within a small edit distance.</summary>
internal static class KeySuggestion
{
    public static string? For(string key, IEnumerable<string> known) =>
        known.Select(candidate => (candidate, Distance: Distance(key, candidate)))
            .Where(c => c.Distance <= Math.Max(2, key.Length / 4))
            .OrderBy(c => c.Distance)
            .Select(c => c.candidate)
            .FirstOrDefault();

    /// <summary>Levenshtein distance over two rows (long names are never close).</summary>
    private static int Distance(string a, string b)
    {
        if (a.Length > 64 || b.Length > 64)
        {
            return int.MaxValue;
        }

        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        var current = new int[b.Length + 1];
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }
}
