using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>Checks of scalar values with located errors; each returns the fallback when the value is absent or wrong.</summary>
internal static class Values
{
    public static int Int(this BuildContext c, Located<int>? v, int fallback, int min, int max)
    {
        if (v is null)
        {
            return fallback;
        }

        if (v.Value < min || v.Value > max)
        {
            c.Error(v, $"{v.Value} is out of range {min}..{max}");
            return fallback;
        }

        return v.Value;
    }

    public static string Text(this BuildContext c, Located<string>? v, string fallback)
    {
        if (v is not null && v.Value.Length == 0)
        {
            c.Error(v, "must not be empty");
        }

        return v is null || v.Value.Length == 0 ? fallback : v.Value;
    }

    /// <summary>A Go-style duration (<c>500ms</c>, <c>1m30s</c>); a plain number counts <paramref name="plainUnit"/>s (default seconds).</summary>
    public static TimeSpan Duration(this BuildContext c, Located<string>? v, TimeSpan fallback, TimeSpan min, TimeSpan max, TimeSpan? plainUnit = null)
    {
        if (v is null)
        {
            return fallback;
        }

        var unit = plainUnit ?? TimeSpan.FromSeconds(1);
        if (!Durations.TryParse(v.Value, unit, out var value))
        {
            c.Error(v, $"'{v.Value}' is not a duration (e.g. 500ms, 30s, 2m, 1h; a plain number means {(unit == TimeSpan.FromMilliseconds(1) ? "milliseconds" : "seconds")})");
            return fallback;
        }

        if (value < min || value > max)
        {
            c.Error(v, $"{Durations.Format(value)} is out of range {Durations.Format(min)}..{Durations.Format(max)}");
            return fallback;
        }

        return value;
    }

    /// <summary>One of a fixed set of names.</summary>
    public static T Choice<T>(this BuildContext c, Located<string>? v, T fallback, IReadOnlyDictionary<string, T> names)
    {
        if (v is null)
        {
            return fallback;
        }

        if (names.TryGetValue(v.Value, out var value))
        {
            return value;
        }

        c.Error(v, $"'{v.Value}' is not one of {string.Join(", ", names.Keys)}");
        return fallback;
    }

    /// <summary>The non-null items of a list (a <c>~</c> item is an error).</summary>
    public static IEnumerable<T> Items<T>(this BuildContext c, IEnumerable<T?>? list, ILocated owner)
        where T : class
    {
        var i = 0;
        foreach (var item in list ?? [])
        {
            if (item is null)
            {
                c.Error(new Located<string>(string.Empty, ConfigPath.Item(owner.Path, i), owner.Start), "is empty");
            }
            else
            {
                yield return item;
            }

            i++;
        }
    }
}
