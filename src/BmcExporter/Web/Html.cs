using System.Globalization;
using System.Net;
using System.Text;

namespace BmcExporter.Web;

/// <summary>
/// Small helpers of the server-rendered pages. Every text that reaches HTML goes through <see cref="E"/> (labels,
/// sensor names, SEL descriptions and FRU strings come from BMCs and config files, never trusted); values in URLs
/// go through <see cref="Uri.EscapeDataString(string)"/> first.
/// </summary>
internal static class Html
{
    /// <summary>The one style sheet: small, no scripts, readable on a phone and at 10,000 targets (paginated).</summary>
    public const string Style =
        "body{font-family:system-ui,sans-serif;margin:1.2em;color:#222}h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.4em}"
        + "table{border-collapse:collapse;margin:.4em 0}td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}"
        + "th a{color:inherit}.counts a{display:inline-block;padding:.4em .8em;margin:.15em;border-radius:4px;text-decoration:none;color:#222;border:1px solid #bbb}"
        + ".critical,.nonrecoverable{background:#f8d0d0}.unreachable{background:#e4d4f4}.warning{background:#fff0c0}.not_scraped{background:#e8e8e8}.ok{background:#dff0df}"
        + ".unavailable{color:#777}.muted{color:#666}code{font-size:.95em}form{margin:.6em 0}";

    /// <summary>HTML-encodes <paramref name="text"/> (also quotes, so it is safe in attribute values).</summary>
    public static string E(string? text) => WebUtility.HtmlEncode(text ?? string.Empty);

    /// <summary>A UTC time as the pages print it, or a dash.</summary>
    public static string Time(DateTimeOffset? t) => t is { } v ? v.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "–";

    /// <summary>A duration in seconds with millisecond precision.</summary>
    public static string Seconds(TimeSpan? d) => d is { } v ? v.TotalSeconds.ToString("0.000", CultureInfo.InvariantCulture) + " s" : "–";

    /// <summary>The link to a target's page.</summary>
    public static string TargetHref(string key) => "/target?key=" + Uri.EscapeDataString(key);

    /// <summary>Starts a page with its title.</summary>
    public static StringBuilder Begin(string title, int capacity = 16384)
    {
        var sb = new StringBuilder(capacity);
        sb.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\"><title>")
          .Append(E(title)).Append("</title><style>").Append(Style).Append("</style></head><body>");
        return sb;
    }

    /// <summary>Appends <c>&lt;td&gt;</c> with encoded text and an optional class.</summary>
    public static StringBuilder Cell(this StringBuilder sb, string? text, string? cssClass = null)
    {
        sb.Append(cssClass is null ? "<td>" : $"<td class=\"{E(cssClass)}\">");
        return sb.Append(E(text)).Append("</td>");
    }
}
