using BmcExporter.Config.Yaml;

namespace BmcExporter.Config.Settings;

/// <summary>One <c>sel_events</c> item as written.</summary>
internal sealed class SelEventSettings : SettingsNode
{
    public Located<string>? Name { get; set; }

    public Located<string>? Regex { get; set; }

    public (bool Ok, SelEventMatcher Value) Build(BuildContext c)
    {
        if (Name is null || Regex is null)
        {
            return c.Fail<SelEventMatcher>(this, "each SEL event needs both name and regex");
        }

        return ModuleBuilder.CompileRegex(c, Regex) is { } regex ? (true, new SelEventMatcher(Name.Value, regex)) : (false, null!);
    }
}
