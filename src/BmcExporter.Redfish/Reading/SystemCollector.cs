using System.Globalization;
using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Json;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Parsing;

namespace BmcExporter.Redfish.Reading;

/// <summary>
/// A ComputerSystem's PowerState and health rollups, and the health of its processors, memory, storage
/// controllers and drives (Storage.Drives, or SimpleStorage.Devices on services without Storage).
/// </summary>
internal sealed class SystemCollector(CollectionReader collections)
{
    public async Task CollectAsync(Member system, ReadingsBuilder into, CancellationToken cancellationToken)
    {
        var s = system.View;
        into.Systems.Add(new RedfishSystemState(system.Uri, CommonParser.NameOf(s, system.Uri), CommonParser.PowerState(s.String("PowerState")), CommonParser.Status(s))
        {
            ProcessorSummary = s.Object("ProcessorSummary") is { } p ? CommonParser.Status(p) : RedfishStatus.None,
            MemorySummary = s.Object("MemorySummary") is { } mem ? CommonParser.Status(mem) : RedfishStatus.None,
        });

        await PartsAsync(s.Link("Processors"), RedfishComponentKind.Processor, into, cancellationToken).ConfigureAwait(false);
        await PartsAsync(s.Link("Memory"), RedfishComponentKind.Memory, into, cancellationToken).ConfigureAwait(false);
        if (s.Link("Storage") is { } storage)
        {
            await StorageAsync(storage, into, cancellationToken).ConfigureAwait(false);
        }
        else if (s.Link("SimpleStorage") is { } simple)
        {
            foreach (var m in await collections.MembersAsync(simple, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false))
            {
                var devices = m.View.Objects("Devices");
                for (var i = 0; i < devices.Count; i++)
                {
                    var id = $"{m.Uri}#/Devices/{i.ToString(CultureInfo.InvariantCulture)}";
                    into.Components.Add(new RedfishComponentHealth(id, devices[i].String("Name") ?? id, RedfishComponentKind.Drive, CommonParser.Status(devices[i])));
                }
            }
        }
    }

    private async Task PartsAsync(string? collection, RedfishComponentKind kind, ReadingsBuilder into, CancellationToken cancellationToken)
    {
        if (collection is null)
        {
            return;
        }

        foreach (var m in await collections.MembersAsync(collection, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false))
        {
            into.Components.Add(new RedfishComponentHealth(m.Uri, CommonParser.NameOf(m.View, m.Uri), kind, CommonParser.Status(m.View)));
        }
    }

    /// <summary>Storage members expanded two levels deep carry their drives inline; otherwise each drive is one GET.</summary>
    private async Task StorageAsync(string collection, ReadingsBuilder into, CancellationToken cancellationToken)
    {
        foreach (var storage in await collections.MembersAsync(collection, CachePolicy.Reading, 2, cancellationToken).ConfigureAwait(false))
        {
            var controllers = storage.View.Objects("StorageControllers");
            for (var i = 0; i < controllers.Count; i++)
            {
                var id = controllers[i].ODataId ?? $"{storage.Uri}#/StorageControllers/{i.ToString(CultureInfo.InvariantCulture)}";
                into.Components.Add(new RedfishComponentHealth(id, CommonParser.NameOf(controllers[i], id), RedfishComponentKind.StorageController, CommonParser.Status(controllers[i])));
            }

            var links = storage.View.Objects("Drives");
            var drives = await Task.WhenAll(links.Select(l => collections.ResolveAsync(l, CachePolicy.Reading, cancellationToken))).ConfigureAwait(false);
            foreach (var d in drives)
            {
                into.Components.Add(new RedfishComponentHealth(d.Uri, CommonParser.NameOf(d.View, d.Uri), RedfishComponentKind.Drive, CommonParser.Status(d.View)));
            }
        }
    }
}
