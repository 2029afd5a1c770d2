using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using BmcExporter.State;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>sensors</c> (ipmi_exporter <c>ipmi</c>): every readable sensor of the SDR repository. The SDRs are
/// cached per target and read again only when Get SDR Repository Info's addition or erase timestamp
/// changes (IPMI v2.0 §33.9) or the BMC's identity changes. A broken or duplicate record drops that
/// sensor, never the scrape.
/// </summary>
public sealed class SensorsCollector : IScrapeCollector
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (DateTimeOffset Created, SensorThresholdCache Cache)> _thresholds = new(StringComparer.Ordinal);

    /// <summary>
    /// How long live thresholds (Get Sensor Thresholds, IPMI v2.0 §35.9) are reused before being read again;
    /// they are also read again whenever the SDRs are. Default one hour.
    /// </summary>
    public TimeSpan ThresholdCacheFor { get; init; } = TimeSpan.FromHours(1);

    /// <inheritdoc />
    public CollectorKind Kind => CollectorKind.Sensors;

    /// <inheritdoc />
    public async Task CollectAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var (sensors, reread) = await GetSensorsAsync(context, cancellationToken).ConfigureAwait(false);
        var now = context.Time.GetUtcNow();
        var thresholds = _thresholds.AddOrUpdate(
            context.Target.Key,
            static (_, now) => (now, new SensorThresholdCache()),
            (_, old, now) => reread || now - old.Created > ThresholdCacheFor ? (now, new SensorThresholdCache()) : old,
            now).Cache;
        var module = context.Target.Module;
        var wanted = sensors.Where(s => module.Sensors.Allows(s.Name, s.SensorType, s.RecordId)).ToList();
        var options = new SensorReadOptions
        {
            BridgeForeignSensors = module.BridgeSensors,
            ThresholdCache = thresholds,
            AssumeBmcOwner = module.HasWorkaround("assumebmcowner"),
            Interpretation = new SensorInterpretOptions
            {
                IgnoreScanningDisabled = module.HasWorkaround("ignorescanningdisabled"),
                DiscreteReading = module.HasWorkaround("discretereading"),
            },
        };
        var readings = await SensorReader.ReadAllAsync(context.Channel, wanted, options, cancellationToken).ConfigureAwait(false);
        context.Builder.SetSensors(readings);
    }

    private static async Task<(IReadOnlyList<SdrSensor> Sensors, bool Reread)> GetSensorsAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        var device = await context.Channel.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
        var identity = $"{device.ManufacturerId}/{device.ProductId}/{device.DeviceId}/{device.FirmwareRevision}";
        var infoRequest = GetSdrRepositoryInfo.CreateRequest();
        var infoResponse = await context.Channel.SendAsync(infoRequest, cancellationToken).ConfigureAwait(false);
        var info = GetSdrRepositoryInfo.DecodeResponse(infoResponse.EnsureOk(infoRequest.NetFn, infoRequest.Command).Data.Span);
        var cached = context.State.GetSdrCache(key);
        if (cached is not null && cached.IsValidFor(identity, info.AdditionTimestamp, info.EraseTimestamp))
        {
            if (TryDecode(context, cached) is { } fromCache)
            {
                context.Stats.RecordSdrCache(hit: true);
                return (fromCache, false);
            }
        }
        else if (cached is not null)
        {
            Log.SdrCacheInvalidated(context.Logger, key);
        }

        context.Stats.RecordSdrCache(hit: false);
        var repository = await SdrRepositoryReader.ReadAsync(context.Channel, SdrReadOptions.Default, cancellationToken).ConfigureAwait(false);
        foreach (var skip in repository.Skipped)
        {
            Log.SdrRecordDropped(context.Logger, skip.RecordId, key, skip.Reason);
        }

        var records = Deduplicate(context, repository.Records);
        var stamp = repository.Info ?? info;
        context.State.SetSdrCache(key, new SdrCacheEntry(identity, stamp.AdditionTimestamp, stamp.EraseTimestamp, records.Select(SdrEncoder.Encode).ToList()));
        return (SdrSensors.Expand(records), true);
    }

    /// <summary>Keeps the first record of each record ID; a duplicate is dropped with a warning.</summary>
    private static List<SdrRecord> Deduplicate(CollectContext context, IReadOnlyList<SdrRecord> records)
    {
        var seen = new HashSet<ushort>();
        var kept = new List<SdrRecord>(records.Count);
        foreach (var record in records)
        {
            if (seen.Add(record.RecordId))
            {
                kept.Add(record);
            }
            else
            {
                Log.SdrRecordDropped(context.Logger, record.RecordId, context.Target.Key, "duplicate record ID");
            }
        }

        return kept;
    }

    private static IReadOnlyList<SdrSensor>? TryDecode(CollectContext context, SdrCacheEntry cached)
    {
        try
        {
            return SdrSensors.Expand(cached.Records.Select(r => SdrDecoder.Decode(r)).ToList());
        }
        catch (IpmiProtocolException ex)
        {
            Log.StateReadFailed(context.Logger, context.State.PathFor(context.Target.Key, "sdr") ?? "(memory)", ex.Message);
            return null;
        }
    }
}
