using BmcExporter.Config.IpmiExporter;
using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>
/// <c>workarounds</c>, <c>workaround_flags</c> and custom_args <c>-W</c>: FreeIPMI flag names in any case, several to
/// an item when separated by commas. A flag without effect here loads with a warning saying why (and is kept in
/// the module only when it concerns a LAN session); an unknown name is an error; <c>none</c> is FreeIPMI's "no flags".
/// </summary>
internal static class WorkaroundList
{
    public static HashSet<string> Build(BuildContext c, IEnumerable<Located<string>?> items)
    {
        var enabled = new HashSet<string>(StringComparer.Ordinal);
        foreach (var flag in items.OfType<Located<string>>().SelectMany(FreeIpmiOptions.ListItems).Where(f => !f.Value.Equals("none", StringComparison.OrdinalIgnoreCase)))
        {
            var name = flag.Value.ToLowerInvariant();
            if (!WorkaroundFlags.All.TryGetValue(name, out var known))
            {
                var hint = KeySuggestion.For(name, WorkaroundFlags.All.Keys);
                c.Error(flag, $"'{flag.Value}' is not a FreeIPMI workaround flag{(hint is null ? " (see docs/configuration.md)" : $"; did you mean '{hint}'?")}");
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
