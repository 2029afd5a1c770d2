using System.Globalization;

namespace BmcExporter.Output.Health;

/// <summary>What the target list can be sorted by.</summary>
public enum FleetSort
{
    /// <summary>Health, worst first (the default: unhealthy first), then target.</summary>
    Health,

    /// <summary>Address.</summary>
    Target,

    /// <summary>Module, then target.</summary>
    Module,

    /// <summary>Number of findings, then health.</summary>
    Findings,

    /// <summary>Start of the last scrape.</summary>
    Scraped,

    /// <summary>Duration of the last scrape.</summary>
    Duration,
}

/// <summary>
/// A filtered, sorted page of the target list, parsed from the query string of <c>/</c> and <c>/api/targets</c>:
/// <c>health</c>, <c>finding</c>, <c>q</c> (substring of address, module or a label value), <c>sort</c>,
/// <c>order</c> (<c>asc</c>|<c>desc</c>), <c>page</c> (from 1) and <c>per_page</c> (1..<see cref="MaxPerPage"/>).
/// </summary>
public sealed record FleetQuery
{
    /// <summary>Targets per page unless asked otherwise.</summary>
    public const int DefaultPerPage = 100;

    /// <summary>The largest page.</summary>
    public const int MaxPerPage = 1000;

    /// <summary>The parameter names understood.</summary>
    public static readonly IReadOnlyList<string> Parameters = ["health", "finding", "q", "sort", "order", "page", "per_page"];

    /// <summary>Only targets with this health.</summary>
    public TargetHealth? Health { get; init; }

    /// <summary>Only targets with a finding of this kind.</summary>
    public FindingKind? Finding { get; init; }

    /// <summary>Only targets whose address, module or a label value contains this text (ordinal, case-insensitive).</summary>
    public string? Text { get; init; }

    public FleetSort Sort { get; init; } = FleetSort.Health;

    public bool Descending { get; init; }

    /// <summary>Page number from 1; a page past the end is empty.</summary>
    public int Page { get; init; } = 1;

    public int PerPage { get; init; } = DefaultPerPage;

    /// <summary>
    /// Parses query parameters; on a mistake returns <c>null</c> and a sentence saying what is wrong (the caller
    /// answers 400 with it). Unknown and repeated parameters are mistakes too.
    /// </summary>
    public static FleetQuery? Parse(IEnumerable<KeyValuePair<string, string[]>> parameters, out string? error)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        error = null;
        var query = new FleetQuery();
        foreach (var (name, values) in parameters)
        {
            if (!Parameters.Contains(name))
            {
                error = $"unknown query parameter '{Short(name)}'; known: {string.Join(", ", Parameters)}";
                return null;
            }

            if (values.Length != 1)
            {
                error = $"query parameter '{name}' must be given once";
                return null;
            }

            var value = values[0];
            query = name switch
            {
                "health" when value.Length == 0 => query,
                "health" when TargetHealthNames.TryParse(value, out var h) => query with { Health = h },
                "finding" when value.Length == 0 => query,
                "finding" when FindingKindNames.TryParse(value, out var k) => query with { Finding = k },
                "q" => query with { Text = value.Length == 0 ? null : value },
                "sort" when TryParseSort(value, out var s) => query with { Sort = s },
                "order" when value is "asc" or "desc" => query with { Descending = value == "desc" },
                "page" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p >= 1 => query with { Page = p },
                "per_page" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= MaxPerPage => query with { PerPage = n },
                _ => null,
            };
            if (query is null)
            {
                error = Explain(name, value);
                return null;
            }
        }

        return query;
    }

    /// <summary>Whether <paramref name="record"/> passes the filters.</summary>
    public bool Matches(TargetRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (Health is { } h && record.Health != h)
        {
            return false;
        }

        if (Finding is { } k && !record.Findings.Any(f => f.Kind == k))
        {
            return false;
        }

        return Text is not { } text
            || record.Target.Contains(text, StringComparison.OrdinalIgnoreCase)
            || record.Module.Contains(text, StringComparison.OrdinalIgnoreCase)
            || (record.Snapshot?.Labels.Values.Any(v => v.Contains(text, StringComparison.OrdinalIgnoreCase)) ?? false);
    }

    /// <summary>The sort order (ties broken by health, then key, so pages are stable).</summary>
    public int Compare(TargetRecord a, TargetRecord b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var c = Sort switch
        {
            FleetSort.Target => string.CompareOrdinal(a.Target, b.Target),
            FleetSort.Module => string.CompareOrdinal(a.Module, b.Module),
            FleetSort.Findings => a.Findings.Count.CompareTo(b.Findings.Count),
            FleetSort.Scraped => Nullable.Compare(a.Snapshot?.StartedAt, b.Snapshot?.StartedAt),
            FleetSort.Duration => Nullable.Compare(a.Snapshot?.Duration, b.Snapshot?.Duration),
            _ => a.Health.CompareTo(b.Health),
        };
        if (Descending)
        {
            c = -c;
        }

        if (c == 0)
        {
            c = a.Health.CompareTo(b.Health);
        }

        return c != 0 ? c : string.CompareOrdinal(a.Key, b.Key);
    }

    /// <summary>The query string of this query with <paramref name="page"/> (defaults left out), for links.</summary>
    public string ToQueryString(int? page = null, FleetSort? sort = null, bool? descending = null)
    {
        var parts = new List<string>();
        void Add(string name, string value) => parts.Add(name + "=" + Uri.EscapeDataString(value));
        if (Health is { } h)
        {
            Add("health", h.Name());
        }

        if (Finding is { } k)
        {
            Add("finding", k.Name());
        }

        if (Text is { } t)
        {
            Add("q", t);
        }

        var s = sort ?? Sort;
        if (s != FleetSort.Health)
        {
            Add("sort", s.ToString().ToLowerInvariant());
        }

        if (descending ?? Descending)
        {
            Add("order", "desc");
        }

        var p = page ?? Page;
        if (p != 1)
        {
            Add("page", p.ToString(CultureInfo.InvariantCulture));
        }

        if (PerPage != DefaultPerPage)
        {
            Add("per_page", PerPage.ToString(CultureInfo.InvariantCulture));
        }

        return parts.Count == 0 ? string.Empty : "?" + string.Join("&", parts);
    }

    private static bool TryParseSort(string value, out FleetSort sort)
    {
        foreach (var s in Enum.GetValues<FleetSort>())
        {
            if (string.Equals(s.ToString(), value, StringComparison.OrdinalIgnoreCase))
            {
                sort = s;
                return true;
            }
        }

        sort = default;
        return false;
    }

    private static string Explain(string name, string value) => name switch
    {
        "health" => $"health '{Short(value)}' is not one of {string.Join(", ", TargetHealthNames.All.Select(h => h.Name()))}",
        "finding" => $"finding '{Short(value)}' is not one of {string.Join(", ", FindingKindNames.All.Select(k => k.Name()))}",
        "sort" => $"sort '{Short(value)}' is not one of {string.Join(", ", Enum.GetNames<FleetSort>().Select(n => n.ToLowerInvariant()))}",
        "order" => $"order '{Short(value)}' is not asc or desc",
        "page" => $"page '{Short(value)}' is not a whole number from 1",
        _ => $"per_page '{Short(value)}' is not a whole number from 1 to {MaxPerPage}",
    };

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
