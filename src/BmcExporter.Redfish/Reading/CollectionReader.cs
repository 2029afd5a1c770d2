using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish.Reading;

/// <summary>
/// Reads the members of a resource collection: with <c>$expand</c> when the service offers it (one GET per page),
/// following <c>Members@odata.nextLink</c> up to MaxCollectionPages, and GETting whatever came back unexpanded
/// (in parallel, bounded by the session's requests in flight). Members are de-duplicated by URI.
/// </summary>
internal sealed class CollectionReader(RedfishSession session, ServiceMap map)
{
    public ServiceMap Map => map;

    /// <summary>Members of <paramref name="collection"/>; <paramref name="levels"/> = how deep the caller wants them expanded.</summary>
    public async Task<IReadOnlyList<Member>> MembersAsync(string collection, CachePolicy memberPolicy, int levels, CancellationToken cancellationToken)
    {
        var expand = map.ExpandQuery(levels);
        // An expanded page carries the members' contents: it is as live as the members. A plain listing is static.
        var pagePolicy = expand is null ? CachePolicy.Static : memberPolicy;
        var path = expand is null ? collection : Append(collection, expand);
        var found = new List<Member>();
        var pending = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pages = new HashSet<string>(StringComparer.Ordinal);
        for (var page = 0; path is not null; page++)
        {
            if (page >= session.Options.MaxCollectionPages || !pages.Add(path))
            {
                break; // bounded: a service that pages forever (or in a loop) gives what was read so far
            }

            var view = await session.GetAsync(path, pagePolicy, cancellationToken).ConfigureAwait(false);
            foreach (var m in view.Objects("Members"))
            {
                var uri = m.ODataId ?? throw view.Context.Malformed($"{m.Path} has no @odata.id");
                if (!seen.Add(uri))
                {
                    continue;
                }

                if (IsExpanded(m))
                {
                    found.Add(new Member(uri, m));
                }
                else
                {
                    pending.Add(uri);
                }
            }

            path = view.String("Members@odata.nextLink");
        }

        if (pending.Count > 0)
        {
            var fetched = await Task.WhenAll(pending.Select(uri => session.GetAsync(uri, memberPolicy, cancellationToken))).ConfigureAwait(false);
            found.AddRange(pending.Select((uri, i) => new Member(uri, fetched[i])));
        }

        return found;
    }

    /// <summary>A navigation link's target: inline when it was expanded, else one GET.</summary>
    public async Task<Member> ResolveAsync(JsonView link, CachePolicy policy, CancellationToken cancellationToken)
    {
        var uri = link.ODataId ?? throw link.Context.Malformed($"{link.Path} has no @odata.id");
        return IsExpanded(link) ? new Member(uri, link) : new Member(uri, await session.GetAsync(uri, policy, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>A link object holds only <c>@odata.id</c>; an expanded one carries the resource's properties.</summary>
    public static bool IsExpanded(JsonView member) => member.Has("Id") || member.Has("Name") || member.Has("@odata.type") || member.Has("Status");

    private static string Append(string path, string query) => path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + query;
}
