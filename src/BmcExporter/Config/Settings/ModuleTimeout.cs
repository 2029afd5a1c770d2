using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>
/// A module's <c>timeout</c>: the wait for each IPMI response before retransmitting, 100ms..1m, default 2s.
/// In a module written for ipmi_exporter a plain number is FreeIPMI's session timeout in milliseconds, the time
/// one request may take with all its retransmits; it is split over the 1 + <c>retries</c> attempts made here.
/// 0 means the default (as ipmi_exporter, which then passes no timeout to FreeIPMI); a value outside the range is
/// clamped with a warning naming the value used.
/// </summary>
internal static class ModuleTimeout
{
    public static readonly TimeSpan Default = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    public static TimeSpan Read(BuildContext c, Located<string>? v, bool peer, int retries)
    {
        if (v is null)
        {
            return Default;
        }

        TimeSpan perAttempt;
        string given;
        if (peer && YamlNumbers.PlainNumber(v.Value.Trim()) is { } ms)
        {
            if (ms == 0)
            {
                return Default;
            }

            perAttempt = TimeSpan.FromMilliseconds(ms) / (1 + retries);
            given = $"{ms} ms for a request with its {retries} retransmits, {Durations.Format(perAttempt)} per attempt,";
        }
        else if (Durations.TryParse(v.Value, TimeSpan.FromSeconds(1), out perAttempt))
        {
            if (perAttempt == TimeSpan.Zero)
            {
                return Default;
            }

            given = Durations.Format(perAttempt);
        }
        else
        {
            c.Error(v, $"'{v.Value}' is not a duration (e.g. 500ms, 2s; a plain number means {(peer ? "milliseconds in a module written for ipmi_exporter" : "seconds")})");
            return Default;
        }

        var used = perAttempt < Min ? Min : perAttempt > Max ? Max : perAttempt;
        if (used != perAttempt)
        {
            c.Warn(v, $"timeout {given} is outside {Durations.Format(Min)}..{Durations.Format(Max)} per attempt; using {Durations.Format(used)}");
        }

        return used;
    }
}
