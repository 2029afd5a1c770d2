using System.Text;

namespace BmcExporter.Tests.Packaging;

/// <summary>
/// The fragment anchors GitHub gives the headings of a Markdown file: lower case; letters, digits, <c>-</c> and
/// <c>_</c> kept, spaces turned into <c>-</c>, everything else dropped; a repeated anchor gets <c>-1</c>, <c>-2</c>…
/// Lines inside fenced code blocks are not headings.
/// </summary>
internal static class MarkdownAnchors
{
    public static IReadOnlySet<string> Of(IEnumerable<string> lines)
    {
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var inCode = false;
        foreach (var line in lines)
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            var level = line.TakeWhile(c => c == '#').Count();
            if (inCode || level is 0 or > 6 || line.Length <= level || line[level] != ' ')
            {
                continue;
            }

            var slug = Slug(line[level..].Trim());
            var count = seen.GetValueOrDefault(slug);
            seen[slug] = count + 1;
            anchors.Add(count == 0 ? slug : $"{slug}-{count}");
        }

        return anchors;
    }

    private static string Slug(string heading)
    {
        var slug = new StringBuilder(heading.Length);
        foreach (var c in heading.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c) || c is '-' or '_')
            {
                slug.Append(c);
            }
            else if (c == ' ')
            {
                slug.Append('-');
            }
        }

        return slug.ToString();
    }
}
