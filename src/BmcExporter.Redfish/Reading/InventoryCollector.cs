using System.Collections.Immutable;
using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Parsing;

namespace BmcExporter.Redfish.Reading;

/// <summary>Identity of chassis, systems and managers, and UpdateService.FirmwareInventory versions (all static).</summary>
internal sealed class InventoryCollector(RedfishSession session, CollectionReader collections)
{
    public async Task<RedfishInventory> ReadAsync(CancellationToken cancellationToken)
    {
        var map = collections.Map;
        var chassis = await StaticMembersAsync(map.Chassis, cancellationToken).ConfigureAwait(false);
        var systems = await StaticMembersAsync(map.Systems, cancellationToken).ConfigureAwait(false);
        var managers = await StaticMembersAsync(map.Managers, cancellationToken).ConfigureAwait(false);
        IReadOnlyList<Member> firmware = [];
        if (map.UpdateService is { } update)
        {
            var service = await session.TryGetAsync(update, CachePolicy.Static, cancellationToken).ConfigureAwait(false);
            firmware = await StaticMembersAsync(service?.Link("FirmwareInventory"), cancellationToken).ConfigureAwait(false);
        }

        return new RedfishInventory(
            map.Info,
            [.. chassis.Select(m => new RedfishChassisInfo(m.Uri, CommonParser.NameOf(m.View, m.Uri), m.View.String("ChassisType"), m.View.String("Manufacturer"),
                m.View.String("Model"), m.View.String("SerialNumber"), m.View.String("PartNumber"), m.View.String("AssetTag")))],
            [.. systems.Select(m => new RedfishSystemInfo(m.Uri, CommonParser.NameOf(m.View, m.Uri), m.View.String("Manufacturer"), m.View.String("Model"),
                m.View.String("SerialNumber"), m.View.String("PartNumber"), m.View.String("SKU"), m.View.String("BiosVersion"), m.View.String("UUID"),
                m.View.String("HostName"), m.View.String("AssetTag")))],
            [.. managers.Select(m => new RedfishManagerInfo(m.Uri, CommonParser.NameOf(m.View, m.Uri), m.View.String("ManagerType"), m.View.String("Manufacturer"),
                m.View.String("Model"), m.View.String("FirmwareVersion"), m.View.String("UUID")))],
            [.. firmware.Select(m => new RedfishFirmwareItem(m.Uri, CommonParser.NameOf(m.View, m.Uri), m.View.String("Version"), m.View.Bool("Updateable"), CommonParser.Status(m.View)))]);
    }

    private async Task<IReadOnlyList<Member>> StaticMembersAsync(string? collection, CancellationToken cancellationToken) =>
        collection is null ? [] : await collections.MembersAsync(collection, CachePolicy.Static, 1, cancellationToken).ConfigureAwait(false);
}
