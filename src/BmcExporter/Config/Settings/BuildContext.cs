using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>
/// Turning settings into config records: the diagnostics, the file's directory and environment, and checks of
/// values that report a located error and give a fallback when a value is wrong.
/// </summary>
internal sealed class BuildContext(ConfigDiagnostics diagnostics, string file, ConfigLoadOptions options)
{
    private readonly string _baseDirectory = Path.GetDirectoryName(Path.GetFullPath(file)) ?? Directory.GetCurrentDirectory();

    public ConfigLoadOptions Options { get; } = options;

    /// <summary>Relative paths are relative to the config file's directory.</summary>
    public string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(_baseDirectory, path));

    public void Error(ILocated at, string message) => diagnostics.Error(at, message);

    public void Warn(ILocated at, string message) => diagnostics.Warn(at, message);

    /// <summary>Reports <paramref name="message"/> about a value and gives <paramref name="instead"/> in its place.</summary>
    public T Reject<T>(ILocated at, string message, T instead)
    {
        Error(at, message);
        return instead;
    }

    /// <summary>Reports <paramref name="message"/> and yields "no value" for <see cref="Each"/>.</summary>
    public (bool, T) Fail<T>(ILocated at, string message) => Reject(at, message, (false, default(T)!));

    public int Int(Located<int>? v, int fallback, int min, int max) =>
        v is null || (v.Value >= min && v.Value <= max) ? v?.Value ?? fallback : Reject(v, $"{v.Value} is out of range {min}..{max}", fallback);

    public string Text(Located<string>? v, string fallback) =>
        v is null ? fallback : v.Value.Length > 0 ? v.Value : Reject(v, "must not be empty", fallback);

    /// <summary>A Go-style duration (<c>500ms</c>, <c>1m30s</c>); a plain number means seconds.</summary>
    public TimeSpan Duration(Located<string>? v, TimeSpan fallback, TimeSpan min, TimeSpan max) =>
        v is null ? fallback
        : !Durations.TryParse(v.Value, TimeSpan.FromSeconds(1), out var value) ? Reject(v, $"'{v.Value}' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means seconds)", fallback)
        : value < min || value > max ? Reject(v, $"{Durations.Format(value)} is out of range {Durations.Format(min)}..{Durations.Format(max)}", fallback)
        : value;

    /// <summary>A size: bytes, or a number with <c>KiB</c>, <c>MiB</c>, <c>GiB</c> (also <c>KB</c>, <c>MB</c>, <c>GB</c> as powers of 1000).</summary>
    public long Size(Located<string>? v, long fallback, long min, long max)
    {
        if (v is null)
        {
            return fallback;
        }

        var text = v.Value.Trim();
        var units = new (string Suffix, long Factor)[] { ("KiB", 1L << 10), ("MiB", 1L << 20), ("GiB", 1L << 30), ("KB", 1000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1) };
        var (number, factor) = units.FirstOrDefault(u => text.EndsWith(u.Suffix, StringComparison.Ordinal)) is { Suffix: { } suffix } unit
            ? (text[..^suffix.Length].Trim(), unit.Factor)
            : (text, 1L);
        if (!long.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) || count > long.MaxValue / factor)
        {
            return Reject(v, $"'{v.Value}' is not a size (bytes, or a number with KiB, MiB, GiB)", fallback);
        }

        var bytes = count * factor;
        return bytes < min || bytes > max ? Reject(v, $"{bytes} bytes is out of range {min}..{max}", fallback) : bytes;
    }

    /// <summary>One of a fixed set of names.</summary>
    public T Choice<T>(Located<string>? v, T fallback, IReadOnlyDictionary<string, T> names) =>
        v is null ? fallback : names.TryGetValue(v.Value, out var value) ? value : Reject(v, $"'{v.Value}' is not one of {string.Join(", ", names.Keys)}", fallback);

    /// <summary>The non-null items of a list; an empty (<c>~</c>) item of a list in the file is an error.</summary>
    public IEnumerable<T> Items<T>(IEnumerable<T?>? list, ILocated? owner)
        where T : class =>
        (list ?? []).Select((item, i) => item ?? (owner is null ? null : Reject<T?>(new Located<string>(string.Empty, ConfigPath.Item(owner.Path, i), owner.Start), "is empty", null)))
            .OfType<T>();

    /// <summary>
    /// Parses every item of a list with <paramref name="parse"/> (which reports what is wrong with an item and
    /// yields <c>(false, _)</c>); with <paramref name="what"/> (a format of the item, e.g. <c>collector '{0}'</c>),
    /// an item given twice is warned about and dropped.
    /// </summary>
    public List<T> Each<TItem, T>(IEnumerable<TItem?>? items, ILocated? owner, Func<TItem, (bool Ok, T Value)> parse, string? what = null)
        where TItem : class, ILocated
    {
        var result = new List<T>();
        foreach (var item in Items(items, owner))
        {
            var (ok, value) = parse(item);
            if (ok && what is not null && result.Contains(value))
            {
                Warn(item, string.Format(System.Globalization.CultureInfo.InvariantCulture, what, (item as Located<string>)?.Value) + " is listed twice");
            }
            else if (ok)
            {
                result.Add(value);
            }
        }

        return result;
    }

    /// <summary><c>labels:</c> of a module or target: valid, unreserved Prometheus label names with text values.</summary>
    public Dictionary<string, string> Labels(LocatedMap<Located<string>>? labels)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in labels ?? [])
        {
            _ = LabelNames.IsValid(name.Value, out var why) ? result[name.Value] = value?.Value ?? string.Empty : Reject(name, why, string.Empty);
        }

        return result;
    }
}
