using System.Collections.Immutable;
using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Parsing;
using BmcExporter.Redfish.Reading;

namespace BmcExporter.Redfish.Logs;

/// <summary>Finds the LogServices of systems, managers and chassis, and reads only the entries after a cursor.</summary>
internal sealed class LogReader(CollectionReader collections)
{
    public async Task<ImmutableArray<RedfishLogService>> ServicesAsync(CancellationToken cancellationToken)
    {
        var map = collections.Map;
        var list = new List<RedfishLogService>();
        foreach (var (collection, owner) in new[] { (map.Systems, RedfishLogOwner.System), (map.Managers, RedfishLogOwner.Manager), (map.Chassis, RedfishLogOwner.Chassis) })
        {
            if (collection is null)
            {
                continue;
            }

            foreach (var parent in await collections.MembersAsync(collection, CachePolicy.Static, 1, cancellationToken).ConfigureAwait(false))
            {
                if (parent.View.Link("LogServices") is not { } logs)
                {
                    continue;
                }

                foreach (var m in await collections.MembersAsync(logs, CachePolicy.Static, 1, cancellationToken).ConfigureAwait(false))
                {
                    if (m.View.Link("Entries") is { } entries && m.View.Bool("ServiceEnabled") != false)
                    {
                        list.Add(new RedfishLogService(m.Uri, CommonParser.ShortId(m.View, m.Uri), CommonParser.NameOf(m.View, m.Uri), owner, entries,
                            m.View.String("OverWritePolicy"), m.View.Integer("MaxNumberOfRecords")));
                    }
                }
            }
        }

        return [.. list.DistinctBy(s => s.Uri)];
    }

    public async Task<RedfishLogRead> ReadAsync(RedfishLogService service, RedfishLogCursor? cursor, CancellationToken cancellationToken)
    {
        cursor ??= RedfishLogCursor.Start(service.Uri);
        if (cursor.LogServiceUri != service.Uri)
        {
            throw new ArgumentException($"The cursor belongs to {cursor.LogServiceUri}, not {service.Uri}.", nameof(cursor));
        }

        var members = await collections.MembersAsync(service.EntriesUri, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false);
        var entries = members.Select(m => LogEntryParser.Parse(m.View, m.Uri)).ToList();
        return LogCursorTracker.Advance(service, entries, cursor);
    }
}
