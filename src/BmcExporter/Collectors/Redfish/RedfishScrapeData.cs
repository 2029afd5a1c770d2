using BmcExporter.Redfish;
using BmcExporter.Redfish.Model;

namespace BmcExporter.Collectors.Redfish;

/// <summary>
/// One scrape's Redfish reads, each done once however many collectors need it: readings and health (sensors,
/// chassis), system power (dcmi) and inventory (bmc, fru; itself cached for an hour by the client). A failed read fails every collector
/// that needs it, with the same error.
/// </summary>
public sealed class RedfishScrapeData
{
    private readonly RedfishReader _reader;
    private readonly CancellationToken _scrape;
    private readonly Lock _lock = new();
    private Task<RedfishReadings>? _readings;
    private Task<RedfishInventory>? _inventory;
    private Task<RedfishSystemPower?>? _power;

    /// <summary>Reads through <paramref name="reader"/> under the scrape's deadline <paramref name="scrape"/>.</summary>
    public RedfishScrapeData(RedfishReader reader, CancellationToken scrape)
    {
        _reader = reader;
        _scrape = scrape;
    }

    /// <summary>Sensor readings, part health and power states.</summary>
    public Task<RedfishReadings> ReadingsAsync()
    {
        lock (_lock)
        {
            return _readings ??= _reader.ReadReadingsAsync(_scrape);
        }
    }

    /// <summary>System power (dcmi), read after the readings so a Power resource they fetched is not fetched again.</summary>
    public Task<RedfishSystemPower?> SystemPowerAsync()
    {
        lock (_lock)
        {
            return _power ??= ReadPowerAsync();
        }
    }

    /// <summary>Identity and firmware.</summary>
    public Task<RedfishInventory> InventoryAsync()
    {
        lock (_lock)
        {
            return _inventory ??= _reader.ReadInventoryAsync(_scrape);
        }
    }

    private async Task<RedfishSystemPower?> ReadPowerAsync()
    {
        var readings = await ReadingsAsync().ConfigureAwait(false);
        return await _reader.ReadSystemPowerAsync(readings, _scrape).ConfigureAwait(false);
    }
}
