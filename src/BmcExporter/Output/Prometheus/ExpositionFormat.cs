namespace BmcExporter.Output.Prometheus;

/// <summary>The two exposition formats served, chosen by the request's <c>Accept</c> header.</summary>
public enum ExpositionFormat
{
    /// <summary>Prometheus text format 0.0.4 (the default).</summary>
    Text,

    /// <summary>OpenMetrics 1.0.0 text.</summary>
    OpenMetrics,
}

/// <summary>Content negotiation: <c>Accept</c> picks the format, <c>Accept-Encoding</c> gzip or identity.</summary>
public static class ContentNegotiation
{
    /// <summary>Prometheus text exposition format 0.0.4.</summary>
    public const string TextContentType = "text/plain; version=0.0.4; charset=utf-8";

    /// <summary>OpenMetrics 1.0.0.</summary>
    public const string OpenMetricsContentType = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    /// <summary>The content type of <paramref name="format"/>.</summary>
    public static string ContentType(ExpositionFormat format) =>
        format == ExpositionFormat.OpenMetrics ? OpenMetricsContentType : TextContentType;

    /// <summary>
    /// OpenMetrics when the client lists <c>application/openmetrics-text</c> with a weight above every text/plain
    /// alternative (Prometheus sends it first with q=0.6..0.5 when it supports it); else the text format.
    /// </summary>
    public static ExpositionFormat Format(string? accept)
    {
        if (string.IsNullOrEmpty(accept))
        {
            return ExpositionFormat.Text;
        }

        double openMetrics = -1, text = -1;
        foreach (var (type, q) in MediaRanges(accept))
        {
            if (type.Equals("application/openmetrics-text", StringComparison.OrdinalIgnoreCase))
            {
                openMetrics = Math.Max(openMetrics, q);
            }
            else if (type.Equals("text/plain", StringComparison.OrdinalIgnoreCase) || type == "*/*" || type.Equals("text/*", StringComparison.OrdinalIgnoreCase))
            {
                text = Math.Max(text, q);
            }
        }

        return openMetrics > 0 && openMetrics >= text ? ExpositionFormat.OpenMetrics : ExpositionFormat.Text;
    }

    /// <summary><c>true</c> when <c>Accept-Encoding</c> allows gzip (a q of 0 refuses it).</summary>
    public static bool AcceptsGzip(string? acceptEncoding)
    {
        if (string.IsNullOrEmpty(acceptEncoding))
        {
            return false;
        }

        foreach (var (coding, q) in MediaRanges(acceptEncoding))
        {
            if ((coding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || coding == "*") && q > 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Splits a comma-separated header into values with their <c>q</c> weight (1 when absent, 0 when unparsable).</summary>
    private static IEnumerable<(string Value, double Q)> MediaRanges(string header)
    {
        foreach (var part in header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var pieces = part.Split(';', StringSplitOptions.TrimEntries);
            var q = 1.0;
            foreach (var parameter in pieces.Skip(1))
            {
                if (parameter.StartsWith("q=", StringComparison.OrdinalIgnoreCase))
                {
                    q = double.TryParse(parameter.AsSpan(2), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && v is >= 0 and <= 1 ? v : 0;
                }
            }

            yield return (pieces[0], q);
        }
    }
}
