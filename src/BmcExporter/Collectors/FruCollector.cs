using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>fru</c>: the built-in FRU device (ID 0, IPMI v2.0 §34; FRU spec §11-§12): board and product identity.
/// FRU contents rarely change, so a read is reused for <see cref="CacheFor"/>. A BMC without FRU data makes the
/// collector unsupported (<see cref="CollectorUnsupportedException"/>).
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
        FruReadResult result;
        try
        {
            result = await FruReader.ReadAsync(context.Channel, 0, options, cancellationToken).ConfigureAwait(false);
        }
        catch (IpmiCompletionCodeException e) when (e.NetFn == NetFn.Storage && e.Command is 0x10 or 0x11 && IsAbsent(e.CompletionCode))
        {
            // Get FRU Inventory Area Info / Read FRU Data (IPMI v2.0 §34.1, §34.2) refused: the BMC keeps no FRU data.
            throw new CollectorUnsupportedException($"the BMC has no FRU data for device 0: it answered completion code 0x{e.CompletionCode:X2} ({CompletionCodes.Describe(e.CompletionCode)})", e);
        }

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

    /// <summary>Codes with which BMCs say there is no FRU device 0 (IPMI v2.0 §5.2): not present, invalid command or field, not now, not for this privilege.</summary>
    private static bool IsAbsent(byte code) => code is (byte)CompletionCode.NotPresent or (byte)CompletionCode.InvalidCommand
        or (byte)CompletionCode.InvalidDataField or (byte)CompletionCode.NotSupportedInPresentState or (byte)CompletionCode.InsufficientPrivilege;
}
