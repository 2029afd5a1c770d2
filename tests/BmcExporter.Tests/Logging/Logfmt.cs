using System.Text;

namespace BmcExporter.Tests.Logging;

/// <summary>
/// A logfmt line parser written from the format's description (go-logfmt's decoder rules): space-separated
/// <c>key=value</c> pairs, a value either bare (no space, quote or <c>=</c>) or double-quoted with backslash escapes.
/// Throws <see cref="FormatException"/> on anything else, so a test fails on a line that is not logfmt.
/// </summary>
internal static class Logfmt
{
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string line)
    {
        var pairs = new List<KeyValuePair<string, string>>();
        var i = 0;
        while (i < line.Length)
        {
            var keyStart = i;
            while (i < line.Length && line[i] is not ('=' or ' ' or '"'))
            {
                i++;
            }

            if (i == keyStart || i >= line.Length || line[i] != '=')
            {
                throw new FormatException($"expected key= at {keyStart} in: {line}");
            }

            var key = line[keyStart..i];
            i++;
            string value;
            if (i < line.Length && line[i] == '"')
            {
                i++;
                var sb = new StringBuilder();
                while (true)
                {
                    if (i >= line.Length)
                    {
                        throw new FormatException($"unterminated quote in: {line}");
                    }

                    var ch = line[i++];
                    if (ch == '"')
                    {
                        break;
                    }

                    if (ch != '\\')
                    {
                        sb.Append(ch);
                        continue;
                    }

                    var escaped = line[i++];
                    sb.Append(escaped switch
                    {
                        'n' => "\n",
                        'r' => "\r",
                        't' => "\t",
                        '\\' => "\\",
                        '"' => "\"",
                        'u' => ((char)Convert.ToInt32(line.Substring(i, 4), 16)).ToString(),
                        _ => throw new FormatException($"bad escape \\{escaped} in: {line}"),
                    });
                    if (escaped == 'u')
                    {
                        i += 4;
                    }
                }

                value = sb.ToString();
            }
            else
            {
                var valueStart = i;
                while (i < line.Length && line[i] != ' ')
                {
                    if (line[i] is '"' or '=')
                    {
                        throw new FormatException($"unquoted value holds {line[i]} in: {line}");
                    }

                    i++;
                }

                value = line[valueStart..i];
            }

            pairs.Add(new(key, value));
            if (i < line.Length)
            {
                if (line[i] != ' ')
                {
                    throw new FormatException($"expected a space at {i} in: {line}");
                }

                i++;
            }
        }

        return pairs;
    }

    public static Dictionary<string, string> ParseToMap(string line) => Parse(line).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
}
