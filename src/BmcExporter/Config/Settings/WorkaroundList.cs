using BmcExporter.Config.IpmiExporter;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>
/// <c>workarounds</c>, <c>workaround_flags</c> and custom_args <c>-W</c>: FreeIPMI flag names, any case, an item
/// may hold several separated by commas. Flags that cannot apply (or are not implemented yet) load with a
/// warning saying why; unknown names are errors with a suggestion; <c>none</c> is FreeIPMI's "no flags".
/// </summary>
internal static class WorkaroundList
{
    public static HashSet<string> Build(BuildContext c, IEnumerable<Located<string>?> items)
    {
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in items.OfType<Located<string>>().SelectMany(FreeIpmiOptions.ListItems))
        {
            var name = flag.Value.ToLowerInvariant();
            if (name == "none")
            {
                continue;
            }

            if (!WorkaroundFlags.All.TryGetValue(name, out var known))
            {
                var hint = KeySuggestion.For(name, WorkaroundFlags.All.Keys);
                c.Error(flag, hint is null ? $"'{flag.Value}' is not a FreeIPMI workaround flag (see docs/configuration.md)" : $"'{flag.Value}' is not a FreeIPMI workaround flag; did you mean '{hint}'?");
                continue;
            }

            if (WorkaroundFlags.Warning(known) is { } warning)
            {
                c.Warn(flag, warning);
            }

            if (known.Support != WorkaroundSupport.NotApplicable)
            {
                enabled.Add(name);
            }
        }

        return enabled;
    }
}
