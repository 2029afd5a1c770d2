using System.Globalization;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Tests.Logging;

public sealed class LogfmtFormatterTests
{
    [Fact]
    public void Write_ExporterMessageWithAwkwardValue_ParsesBackToEveryField()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-03-04T05:06:07.089Z", CultureInfo.InvariantCulture));
        var (logger, output) = Capture(new LogfmtFormatter(time));
        const string error = "ipmi: said \"no\" = 0xC1\nthen C:\\path\ttab";

        Log.ScrapeFailed(logger, "10.0.0.1:623", "default", ScrapeOutcome.Failed, error, "check = it");

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var pairs = Logfmt.Parse(line);
        Assert.Equal(["ts", "level", "logger", "msg", "target", "module", "outcome", "error", "hint"], pairs.Select(p => p.Key));
        var map = Logfmt.ParseToMap(line);
        Assert.Equal("2026-03-04T05:06:07.089Z", map["ts"]);
        Assert.Equal("warn", map["level"]);
        Assert.Equal("BmcExporter", map["logger"]);
        Assert.Equal($"Scrape of 10.0.0.1:623 (module default) got no data (Failed): {error}; check = it", map["msg"]);
        Assert.Equal("check = it", map["hint"]);
        Assert.Equal("10.0.0.1:623", map["target"]);
        Assert.Equal("Failed", map["outcome"]);
        Assert.Equal(error, map["error"]);
        Assert.StartsWith("ts=2026-03-04T05:06:07.089Z level=warn logger=BmcExporter msg=\"", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Exception_OneLineWithErrNoStackTrace()
    {
        var (logger, output) = Capture(new LogfmtFormatter(TimeProvider.System));
        Exception thrown;
        try
        {
            throw new InvalidOperationException("scheduler broke");
        }
        catch (InvalidOperationException ex)
        {
            thrown = ex;
        }

        Log.SchedulerFailed(logger, thrown);

        var line = Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var map = Logfmt.ParseToMap(line);
        Assert.Equal("error", map["level"]);
        Assert.Equal("InvalidOperationException: scheduler broke", map["err"]);
        Assert.DoesNotContain(" at ", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("a=b", "\"a=b\"")]
    [InlineData("über", "über")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void AppendValue_Value_QuotedOnlyWhenNeeded(string value, string expected)
    {
        var sb = new System.Text.StringBuilder();

        LogfmtFormatter.AppendValue(sb, value);

        Assert.Equal(expected, sb.ToString());
        Assert.Equal(value, Logfmt.ParseToMap("k=" + sb)["k"]);
    }

    [Theory]
    [InlineData("Target", "target")]
    [InlineData("DownSeconds", "down_seconds")]
    [InlineData("RecordId", "record_id")]
    public void SnakeCase_FieldName_LowerWithUnderscores(string name, string expected) =>
        Assert.Equal(expected, LogfmtFormatter.SnakeCase(name));

    /// <summary>A logger that hands each entry to <paramref name="formatter"/>, as the console logger does.</summary>
    private static (ILogger Logger, StringWriter Output) Capture(LogfmtFormatter formatter)
    {
        var output = new StringWriter();
        return (new FormattingLogger(formatter, output), output);
    }

    private sealed class FormattingLogger(LogfmtFormatter formatter, TextWriter output) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> format) =>
            formatter.Write(new LogEntry<TState>(logLevel, "BmcExporter", eventId, state, exception, format), null, output);
    }
}
