using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace BmcExporter.Logging;

/// <summary>
/// <c>--log.format logfmt</c>: one line per message, <c>ts=... level=... logger=... msg="..."</c> followed by the
/// message's structured fields in snake_case (<c>target=10.0.0.1:623</c>), as Prometheus exporters write with
/// go-kit's logfmt. A value is quoted when it is empty or holds a space, <c>=</c>, a quote, a backslash or a control
/// character; inside quotes, <c>\</c> <c>"</c> and control characters are escaped, so every line parses back into
/// the same keys and values. An exception adds <c>err="Type: message"</c> on the same line, never a stack trace.
/// </summary>
public sealed class LogfmtFormatter : ConsoleFormatter
{
    /// <summary>The formatter's name in <c>ConsoleLoggerOptions.FormatterName</c>.</summary>
    public const string FormatterName = "logfmt";

    private readonly TimeProvider _time;

    public LogfmtFormatter(TimeProvider time)
        : base(FormatterName)
    {
        _time = time;
    }

    /// <inheritdoc />
    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        ArgumentNullException.ThrowIfNull(textWriter);
        var message = logEntry.Formatter?.Invoke(logEntry.State, logEntry.Exception);
        if (message is null && logEntry.Exception is null)
        {
            return;
        }

        var line = new StringBuilder(160);
        Pair(line, "ts", _time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
        Pair(line, "level", LevelName(logEntry.LogLevel));
        Pair(line, "logger", logEntry.Category);
        Pair(line, "msg", message ?? string.Empty);
        if (logEntry.State is IReadOnlyList<KeyValuePair<string, object?>> fields)
        {
            foreach (var (key, value) in fields)
            {
                if (key != "{OriginalFormat}")
                {
                    Pair(line, SnakeCase(key), Text(value));
                }
            }
        }

        if (logEntry.Exception is { } ex)
        {
            Pair(line, "err", $"{ex.GetType().Name}: {ex.Message}");
        }

        line.Append('\n');
        textWriter.Write(line.ToString());
    }

    /// <summary>go-kit's level names.</summary>
    public static string LevelName(LogLevel level) => level switch
    {
        LogLevel.Trace or LogLevel.Debug => "debug",
        LogLevel.Information => "info",
        LogLevel.Warning => "warn",
        _ => "error",
    };

    /// <summary>Appends <paramref name="value"/>, quoted and escaped when logfmt needs it.</summary>
    public static void AppendValue(StringBuilder sb, string value)
    {
        ArgumentNullException.ThrowIfNull(sb);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && !value.Any(NeedsQuotes))
        {
            sb.Append(value);
            return;
        }

        sb.Append('"');
        foreach (var ch in value)
        {
            _ = ch switch
            {
                '\\' => sb.Append(@"\\"),
                '"' => sb.Append("\\\""),
                '\n' => sb.Append(@"\n"),
                '\r' => sb.Append(@"\r"),
                '\t' => sb.Append(@"\t"),
                _ when char.IsControl(ch) => sb.Append(CultureInfo.InvariantCulture, $"\\u{(int)ch:x4}"),
                _ => sb.Append(ch),
            };
        }

        sb.Append('"');
    }

    /// <summary><c>TargetKey</c> → <c>target_key</c>.</summary>
    public static string SnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsUpper(ch) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                sb.Append('_');
            }

            sb.Append(char.IsLetterOrDigit(ch) ? char.ToLowerInvariant(ch) : '_');
        }

        return sb.ToString();
    }

    private static bool NeedsQuotes(char ch) => ch is '=' or '"' or '\\' || char.IsWhiteSpace(ch) || char.IsControl(ch);

    private static void Pair(StringBuilder sb, string key, string value)
    {
        if (sb.Length > 0)
        {
            sb.Append(' ');
        }

        sb.Append(key).Append('=');
        AppendValue(sb, value);
    }

    private static string Text(object? value) => value switch
    {
        null => string.Empty,
        DateTimeOffset t => t.ToString("O", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
