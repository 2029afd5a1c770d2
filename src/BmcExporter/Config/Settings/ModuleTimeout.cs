using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>
/// A module's <c>timeout</c>: the wait for each IPMI response before retransmitting, 100ms..1m, default 2s. In a
/// module written for ipmi_exporter a plain number is FreeIPMI's session timeout in milliseconds (one request with
/// all its retransmits), split over the 1 + <c>retries</c> attempts made here. 0 means the default (ipmi_exporter then
/// passes no timeout); a value outside the range is clamped with a warning naming the value used.
/// </summary>
internal static class ModuleTimeout
{
    private static readonly TimeSpan Default = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Min = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(1);

    public static TimeSpan Read(BuildContext c, Located<string>? v, bool peer, int retries)
    {
        var ms = peer && v is not null ? YamlNumbers.PlainNumber(v.Value.Trim()) : null;
        var perAttempt = ms is { } total ? TimeSpan.FromMilliseconds(total) / (1 + retries) : TimeSpan.Zero;
        if (v is null || (ms is null && !Durations.TryParse(v.Value, TimeSpan.FromSeconds(1), out perAttempt)))
        {
            if (v is not null)
            {
                c.Error(v, $"'{v.Value}' is not a duration (e.g. 500ms, 2s; a plain number means {(peer ? "milliseconds in a module written for ipmi_exporter" : "seconds")})");
            }

            return Default;
        }

        var used = perAttempt == TimeSpan.Zero ? Default : perAttempt < Min ? Min : perAttempt > Max ? Max : perAttempt;
        if (perAttempt != TimeSpan.Zero && used != perAttempt)
        {
            var given = ms is null ? Durations.Format(perAttempt) : $"{ms} ms for a request with its {retries} retransmits, {Durations.Format(perAttempt)} per attempt,";
            c.Warn(v, $"timeout {given} is outside {Durations.Format(Min)}..{Durations.Format(Max)} per attempt; using {Durations.Format(used)}");
        }

        return used;
    }
}
