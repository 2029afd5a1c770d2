using BmcExporter.Config;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>fru</c>: the built-in FRU device (ID 0, IPMI v2.0 §34; FRU spec §11-§12): board and product identity.
/// FRU contents rarely change, so a read is reused for <see cref="CacheFor"/>.
/// </summary>
public sealed class FruCollector : IScrapeCollector
{
    private readonly Dictionary<string, (DateTimeOffset ReadAt, FruSample Sample)> _cache = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>How long a FRU read is reused. Default one hour.</summary>
    public TimeSpan CacheFor { get; init; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Fru;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var now = context.Time.GetUtcNow();
        lock (_lock)
        {
            if (_cache.TryGetValue(context.Target.Key, out var cached) && now - cached.ReadAt < CacheFor)
            {
                context.Builder.SetFru([cached.Sample]);
                return;
            }
        }

        var options = FruReadOptions.Default with { TimeProvider = context.Time };
        var result = await FruReader.ReadAsync(context.Channel, 0, options, cancellationToken).ConfigureAwait(false);
        var inventory = result.Inventory;
        var sample = new FruSample
        {
            DeviceId = 0,
            Name = "Builtin FRU Device",
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
        lock (_lock)
        {
            _cache[context.Target.Key] = (now, sample);
        }

        context.Builder.SetFru([sample]);
    }
}
