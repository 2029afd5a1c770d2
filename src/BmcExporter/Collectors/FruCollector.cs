using System.Collections.Concurrent;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Logging;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>fru</c>: board and product identity (IPMI v2.0 §34; FRU spec §11-§12) of FRU device 0 and of every logical FRU
/// device a FRU Device Locator of the SDR repository names at the BMC (<see cref="FruDevices"/>). The SDR is the one
/// the <c>sensors</c> collector keeps for the target; a module without <c>sensors</c> walks it here, once per
/// <see cref="CacheFor"/>. FRU contents rarely change, so each device's answer (its inventory, or "not present") is
/// reused for <see cref="CacheFor"/>; a device that fails is asked again next scrape. A device that is not present
/// is left out; one that fails leaves the others published and makes the collector partial. When every device
/// answers "not present" the collector is unsupported (<see cref="CollectorUnsupportedException"/>).
/// </summary>
public sealed class FruCollector : IScrapeCollector
{
    private readonly ConcurrentDictionary<string, FruTargetCache> _targets = new(StringComparer.Ordinal);

    /// <summary>How long a FRU device's answer (and a walk of the SDR made here) is reused. Default one hour.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Fru;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        var cache = _targets.GetOrAdd(context.Target.Key, static _ => new FruTargetCache());
        var (devices, sdrProblem) = await FruDeviceSource.ListAsync(context, cache, CacheFor, cancellationToken).ConfigureAwait(false);
        cache.Retain(devices);

        var samples = new List<FruSample>(devices.Count);
        var failures = new List<string>();
        var absent = new List<string>();
        foreach (var device in devices)
        {
            if (cache.TryGetFresh(device, now, CacheFor, out var cached))
            {
                if (cached is not null)
                {
                    samples.Add(cached);
                }
                else
                {
                    absent.Add(device.Description);
                }

                continue;
            }

            var outcome = await ReadDeviceAsync(context, device, cancellationToken).ConfigureAwait(false);
            if (outcome.Failure is { } failure)
            {
                failures.Add($"{device.Description}: {failure}");
                Log.FruDeviceLeftOut(context.Logger, device.Id, device.Name, context.Target.Key, failure);
                continue;
            }

            cache.Store(device, now, outcome.Sample);
            if (outcome.Sample is { } sample)
            {
                samples.Add(sample);
                context.Builder.SetFru([.. samples]); // a deadline keeps what was read
            }
            else
            {
                absent.Add($"{device.Description} ({outcome.AbsentReason})");
                Log.FruDeviceLeftOut(context.Logger, device.Id, device.Name, context.Target.Key, outcome.AbsentReason!);
            }
        }

        context.Builder.SetFru(samples);
        if (samples.Count == 0 && failures.Count == 0 && sdrProblem is null)
        {
            // Nothing but "not present": ask again when the collector is re-checked, not from this cache.
            _targets.TryRemove(context.Target.Key, out _);
            throw new CollectorUnsupportedException($"the BMC has no FRU data: {string.Join("; ", absent)}");
        }

        if (failures.Count > 0 || sdrProblem is not null)
        {
            var problems = sdrProblem is null ? failures : [sdrProblem, .. failures];
            throw new CollectorPartialException($"{samples.Count} FRU devices read; {string.Join("; ", problems)}");
        }
    }

    /// <summary>Reads one device through <see cref="FruDeviceReader"/>: its sample, or why it is absent (an answer, cached), or why it failed (asked again).</summary>
    private static async Task<DeviceOutcome> ReadDeviceAsync(CollectContext context, FruDevice device, CancellationToken cancellationToken)
    {
        var options = FruReadOptions.Default with { TimeProvider = context.Time };
        var outcome = await FruDeviceReader.ReadAsync(context.Channel, device, options, cancellationToken).ConfigureAwait(false);
        return new DeviceOutcome(outcome.Result is { } result ? ToSample(device, result) : null, outcome.AbsentReason, outcome.Failure);
    }

    private static FruSample ToSample(FruDevice device, FruReadResult result)
    {
        var inventory = result.Inventory;
        return new FruSample
        {
            DeviceId = device.Id,
            Name = device.Name,
            BoardManufacturer = inventory.Board?.Manufacturer ?? string.Empty,
            BoardProduct = inventory.Board?.ProductName ?? string.Empty,
            BoardSerial = inventory.Board?.SerialNumber ?? string.Empty,
            BoardPartNumber = inventory.Board?.PartNumber ?? string.Empty,
            ProductManufacturer = inventory.Product?.Manufacturer ?? string.Empty,
            ProductName = inventory.Product?.ProductName ?? string.Empty,
            ProductPartNumber = inventory.Product?.PartNumber ?? string.Empty,
            ProductVersion = inventory.Product?.Version ?? string.Empty,
            ProductSerial = inventory.Product?.SerialNumber ?? string.Empty,
            AssetTag = inventory.Product?.AssetTag ?? string.Empty,
        };
    }

    private readonly record struct DeviceOutcome(FruSample? Sample, string? AbsentReason, string? Failure);
}
