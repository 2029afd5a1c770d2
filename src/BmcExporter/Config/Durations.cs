using System.Globalization;

namespace BmcExporter.Config;

/// <summary>Go-style durations ("500ms", "1m30s", "1.5h"); a plain number counts a caller-chosen unit.</summary>
public static class Durations
{
    /// <summary>Parses <paramref name="text"/>; negative values and unknown units fail.</summary>
    public static bool TryParse(string text, TimeSpan plainUnit, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        var s = text.Trim();
        if (s.Length == 0)
        {
            return false;
        }

        if (decimal.TryParse(s, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var plain))
        {
            return TryTicks(plain * plainUnit.Ticks, out value);
        }

        decimal totalTicks = 0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            if (i == start || !decimal.TryParse(s.AsSpan(start, i - start), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                return false;
            }

            var unitStart = i;
            while (i < s.Length && !char.IsAsciiDigit(s[i]) && s[i] != '.')
            {
                i++;
            }

            long unitTicks = s[unitStart..i] switch
            {
                "ns" => 0,
                "us" or "µs" => TimeSpan.TicksPerMicrosecond,
                "ms" => TimeSpan.TicksPerMillisecond,
                "s" => TimeSpan.TicksPerSecond,
                "m" => TimeSpan.TicksPerMinute,
                "h" => TimeSpan.TicksPerHour,
                _ => -1,
            };
            if (unitTicks < 0)
            {
                return false;
            }

            totalTicks += unitTicks == 0 ? number / 100 : number * unitTicks;
        }

        return TryTicks(totalTicks, out value);
    }

    /// <summary>Formats compactly: 500ms, 30s, 2m, 1h30m.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.FromSeconds(1))
        {
            return $"{value.TotalMilliseconds.ToString(CultureInfo.InvariantCulture)}ms";
        }

        var parts = new System.Text.StringBuilder();
        if (value.Hours + (value.Days * 24) > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{(int)value.TotalHours}h");
        }

        if (value.Minutes > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        }

        var seconds = value.Seconds + (value.Milliseconds / 1000m);
        if (seconds > 0)
        {
            parts.Append(CultureInfo.InvariantCulture, $"{seconds}s");
        }

        return parts.ToString();
    }

    private static bool TryTicks(decimal ticks, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (ticks < 0 || ticks > TimeSpan.MaxValue.Ticks)
        {
            return false;
        }

        value = TimeSpan.FromTicks((long)ticks);
        return true;
    }
}
