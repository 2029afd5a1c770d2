using System.Collections.Immutable;
using BmcExporter.Redfish.Http;
using BmcExporter.Redfish.Logs;
using BmcExporter.Redfish.Model;
using BmcExporter.Redfish.Reading;

namespace BmcExporter.Redfish;

/// <summary>
/// Reads typed, immutable results from one BMC over a <see cref="RedfishSession"/>: inventory (static),
/// readings and health (every scrape), and log entries after a cursor. Pass the scrape's deadline as the
/// cancellation token; every request of a read shares it.
/// </summary>
public sealed class RedfishReader
{
    private readonly RedfishSession _session;

    public RedfishReader(RedfishSession session)
    {
        ArgumentNullException.ThrowIfNull(session);
        _session = session;
    }

    public RedfishSession Session => _session;

    /// <summary>Chassis/system/manager identity and firmware versions; served from the cache within StaticRefreshInterval.</summary>
    public async Task<RedfishInventory> ReadInventoryAsync(CancellationToken cancellationToken)
    {
        var collections = await CollectionsAsync(cancellationToken).ConfigureAwait(false);
        return await new InventoryCollector(_session, collections).ReadAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sensor readings, PSU/fan/drive/processor/memory health and power states (docs/redfish.md lists the GETs).</summary>
    public async Task<RedfishReadings> ReadReadingsAsync(CancellationToken cancellationToken)
    {
        var before = _session.Statistics.Gets;
        var collections = await CollectionsAsync(cancellationToken).ConfigureAwait(false);
        var map = collections.Map;
        var chassis = map.Chassis is null ? [] : await collections.MembersAsync(map.Chassis, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false);
        var systems = map.Systems is null ? [] : await collections.MembersAsync(map.Systems, CachePolicy.Reading, 1, cancellationToken).ConfigureAwait(false);
        var chassisCollector = new ChassisCollector(_session, collections);
        var systemCollector = new SystemCollector(collections);
        var parts = chassis.Select(c => (c, chassis: true)).Concat(systems.Select(s => (c: s, chassis: false))).ToList();
        var builders = parts.Select(_ => new ReadingsBuilder()).ToArray();
        await Task.WhenAll(parts.Select((p, i) => p.chassis
            ? chassisCollector.CollectAsync(p.c, builders[i], cancellationToken)
            : systemCollector.CollectAsync(p.c, builders[i], cancellationToken))).ConfigureAwait(false);

        var all = new ReadingsBuilder();
        foreach (var b in builders)
        {
            all.Sensors.AddRange(b.Sensors);
            all.Components.AddRange(b.Components);
            all.Systems.AddRange(b.Systems);
            all.Chassis.AddRange(b.Chassis);
        }

        return all.Build(_session.Options.TimeProvider.GetUtcNow(), _session.Statistics.Gets - before);
    }

    /// <summary>
    /// The system power (DCMI's meaning) of the service whose <paramref name="readings"/> were just read: the legacy Power
    /// resource's system PowerControl member, else Chassis EnvironmentMetrics PowerWatts, from one chassis only. A Power
    /// resource those readings fetched is reused; otherwise this GETs Power (or EnvironmentMetrics) of the chassis it
    /// tries. Null when no chassis offers system power.
    /// </summary>
    public Task<RedfishSystemPower?> ReadSystemPowerAsync(RedfishReadings readings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(readings);
        return new SystemPowerReader(_session).ReadAsync(readings, cancellationToken);
    }

    /// <summary>The LogServices (SEL, event logs) of systems, managers and chassis (static).</summary>
    public async Task<ImmutableArray<RedfishLogService>> ReadLogServicesAsync(CancellationToken cancellationToken)
    {
        var collections = await CollectionsAsync(cancellationToken).ConfigureAwait(false);
        return await new LogReader(collections).ServicesAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Entries of <paramref name="service"/> after <paramref name="cursor"/> (null = all present). Persist the
    /// returned cursor only after the entries were delivered.
    /// </summary>
    public async Task<RedfishLogRead> ReadLogAsync(RedfishLogService service, RedfishLogCursor? cursor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(service);
        var collections = await CollectionsAsync(cancellationToken).ConfigureAwait(false);
        return await new LogReader(collections).ReadAsync(service, cursor, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CollectionReader> CollectionsAsync(CancellationToken cancellationToken) =>
        new(_session, await ServiceMap.ReadAsync(_session, cancellationToken).ConfigureAwait(false));
}
