using System.Text;

namespace BmcExporter.Config.IpmiExporter;

/// <summary>Splits one string into arguments the way a POSIX shell does (quotes and backslashes; no expansion).</summary>
internal static class ShellWords
{
    /// <summary>The words of <paramref name="line"/>; <c>null</c> when a quote is not closed.</summary>
    public static List<string>? Split(string line)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        char? quote = null;
        var inWord = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is null && char.IsWhiteSpace(c))
            {
                if (inWord)
                {
                    words.Add(word.ToString());
                    word.Clear();
                }

                inWord = false;
                continue;
            }

            inWord = true;
            if (c == quote)
            {
                quote = null;
            }
            else if (quote is null && c is '\'' or '"')
            {
                quote = c;
            }
            else if (c == '\\' && quote != '\'' && i + 1 < line.Length && (quote is null || line[i + 1] is '"' or '\\' or '$' or '`'))
            {
                // Outside quotes a backslash escapes any character, inside double quotes only these (POSIX 2.2.3).
                word.Append(line[++i]);
            }
            else
            {
                word.Append(c);
            }
        }

        if (inWord)
        {
            words.Add(word.ToString());
        }

        return quote is null ? words : null;
    }
}
