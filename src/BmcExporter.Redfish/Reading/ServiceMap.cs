using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Redfish.Reading;

/// <summary>
/// What the service root says (static, cached): the top collections and how to ask for <c>$expand</c>
/// (ServiceRoot.ProtocolFeaturesSupported.ExpandQuery, DSP0266 §7.3 query parameters).
/// </summary>
internal sealed record ServiceMap(
    RedfishServiceInfo Info,
    string? Chassis,
    string? Systems,
    string? Managers,
    string? UpdateService,
    bool ExpandNoLinks,
    bool ExpandAll,
    bool ExpandLevels,
    int ExpandMaxLevels)
{
    public bool CanExpand => ExpandNoLinks || ExpandAll;

    /// <summary>The <c>$expand</c> query for <paramref name="levels"/> levels of subordinate resources, or null.</summary>
    public string? ExpandQuery(int levels)
    {
        if (!CanExpand || levels < 1)
        {
            return null;
        }

        // "." expands subordinate resources only (not Links); "*" also expands Links, so it is the second choice.
        var which = ExpandNoLinks ? "." : "*";
        var n = Math.Min(levels, Math.Max(1, ExpandMaxLevels));
        return ExpandLevels && n > 1 ? $"$expand={which}($levels={n})" : $"$expand={which}";
    }

    /// <summary>How many levels <see cref="ExpandQuery"/> really asks for.</summary>
    public int ExpandedLevels(int levels) => !CanExpand ? 0 : ExpandLevels ? Math.Min(levels, Math.Max(1, ExpandMaxLevels)) : 1;

    public static async Task<ServiceMap> ReadAsync(RedfishSession session, CancellationToken cancellationToken)
    {
        var root = await session.GetAsync(RedfishSession.ServiceRootPath, CachePolicy.Static, cancellationToken).ConfigureAwait(false);
        var expand = session.Options.UseExpand ? root.Object("ProtocolFeaturesSupported")?.Object("ExpandQuery") : null;
        return new ServiceMap(
            new RedfishServiceInfo(root.String("RedfishVersion"), root.String("UUID"), root.String("Vendor"), root.String("Product")),
            root.Link("Chassis"),
            root.Link("Systems"),
            root.Link("Managers"),
            root.Link("UpdateService"),
            expand?.Bool("NoLinks") == true,
            expand?.Bool("ExpandAll") == true,
            expand?.Bool("Levels") == true,
            (int)Math.Clamp(expand?.Integer("MaxLevels") ?? 1, 1, 6));
    }
}
