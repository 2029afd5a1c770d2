using System.Collections.Concurrent;
using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Client.Transport;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Logging;
using BmcExporter.Snapshots;
using BmcExporter.State;

namespace BmcExporter.Collectors;

/// <summary>
/// <c>sensors</c> (ipmi_exporter <c>ipmi</c>): every readable sensor of the SDR repository. The SDR walk is kept per
/// target and resumed across scrapes until complete (records read are kept and verified; only a changed repository,
/// IPMI v2.0 §33.9, or a changed BMC identity restarts it), and persisted after every step. While it is incomplete,
/// the sensors already known are read and published, marked partial; the walk gets at most
/// <see cref="WalkShare"/> of the time left so the readings and the other collectors still run. Readings are
/// published as they arrive, so a deadline keeps what was read. A broken or duplicate record drops that sensor,
/// never the scrape.
/// </summary>
public sealed class SensorsCollector : IScrapeCollector
{
    /// <summary>The share of the remaining deadline an unfinished SDR walk may use in one scrape.</summary>
    public const double WalkShare = 0.6;

    private readonly ConcurrentDictionary<string, (DateTimeOffset Created, SensorThresholdCache Cache)> _thresholds = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Decoded> _decoded = new(StringComparer.Ordinal);

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
        var (sensors, reread, progress) = await GetSensorsAsync(context, cancellationToken).ConfigureAwait(false);
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

        // The list is the snapshot's: whatever is read before a deadline or a failure is published.
        var readings = module.Sensors.IgnoreNotAvailable ? new AvailableOnly(context.Builder.SensorSink()) : context.Builder.SensorSink();
        await SensorReader.ReadAllAsync(context.Channel, wanted, options, readings, cancellationToken).ConfigureAwait(false);
        if (progress is not null)
        {
            throw new CollectorPartialException(progress);
        }
    }

    /// <summary>Forgets a target's decoded SDRs and thresholds (its session and state go elsewhere).</summary>
    public void Forget(string targetKey)
    {
        _decoded.TryRemove(targetKey, out _);
        _thresholds.TryRemove(targetKey, out _);
    }

    private async Task<(IReadOnlyList<SdrSensor> Sensors, bool Reread, string? Progress)> GetSensorsAsync(CollectContext context, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        var device = await context.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false);
        var identity = $"{device.ManufacturerId}/{device.ProductId}/{device.DeviceId}/{device.FirmwareRevision}";
        var infoRequest = GetSdrRepositoryInfo.CreateRequest();
        var infoResponse = await context.Channel.SendAsync(infoRequest, cancellationToken).ConfigureAwait(false);
        var info = GetSdrRepositoryInfo.DecodeResponse(infoResponse.EnsureOk(infoRequest.NetFn, infoRequest.Command).Data.Span);
        var entry = Usable(context, identity, info);
        var walk = entry.Walk;
        var reread = false;
        if (!walk.Complete || !SameStamps(walk, info))
        {
            context.Stats.RecordSdrCache(hit: false);
            reread = true;
            await WalkAsync(context, entry, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            context.Stats.RecordSdrCache(hit: true);
        }

        context.Builder.SetSdrProgress(new SdrProgress(walk.Records.Count, info.EntryCount, walk.Missing.Count, walk.Complete));
        var sensors = Decode(context, walk);
        var progress = walk.Complete
            ? null
            : $"SDR repository still being read ({walk.Records.Count} records so far, {walk.Missing.Count} to retry); {sensors.Count} known sensors read";
        return (sensors, reread, progress);
    }

    /// <summary>The cached walk when it still fits this BMC, else a fresh one (a loaded cache must pass validation).</summary>
    private static SdrCacheEntry Usable(CollectContext context, string identity, RepositoryInfo info)
    {
        var key = context.Target.Key;
        var cached = context.State.GetSdrCache(key);
        if (cached is null)
        {
            return new SdrCacheEntry(identity, new SdrWalkState());
        }

        if (cached.BmcIdentity != identity)
        {
            Log.SdrCacheInvalidated(context.Logger, key);
            return new SdrCacheEntry(identity, new SdrWalkState());
        }

        if (cached.Walk.Complete && SameStamps(cached.Walk, info) && context.State.NeedsValidation(key))
        {
            var check = SdrCacheValidator.Validate(cached.Walk, info);
            context.State.MarkValidated(key);
            if (!check.Valid)
            {
                Log.StateReadFailed(context.Logger, context.State.PathFor(key, "sdr") ?? "(memory)", $"SDR cache rejected: {check.Reason}");
                return new SdrCacheEntry(identity, new SdrWalkState());
            }
        }

        return cached;
    }

    private static async Task WalkAsync(CollectContext context, SdrCacheEntry entry, CancellationToken cancellationToken)
    {
        var key = context.Target.Key;
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (context.Builder.Deadline != DateTimeOffset.MaxValue)
        {
            budget.CancelAfter(context.Builder.Remaining * WalkShare);
        }

        try
        {
            var sdrOptions = SdrReadOptions.Default with { AssumeMaxRecordCount = context.Target.Module.HasWorkaround("assumemaxsdrrecordcount") };
            var repository = await SdrRepositoryReader.ResumeAsync(context.Channel, entry.Walk, sdrOptions, budget.Token).ConfigureAwait(false);
            foreach (var skip in repository.Skipped)
            {
                Log.SdrRecordDropped(context.Logger, skip.RecordId, key, skip.Reason);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The walk used its share of the deadline: keep what was read, go on with the known sensors.
        }
        finally
        {
            // Every step is persisted, complete or not: a restart resumes instead of starting over. Off the UDP
            // receive thread the last answer may have resumed this walk on: a file write must not delay other BMCs.
            await ThreadPoolHop.Leave();
            context.State.SetSdrCache(key, entry);
        }
    }

    private static bool SameStamps(SdrWalkState walk, RepositoryInfo info) =>
        walk.Info is { } stamp && stamp.AdditionTimestamp == info.AdditionTimestamp && stamp.EraseTimestamp == info.EraseTimestamp;

    /// <summary>The sensors of the walk's records, decoded once per walk progress (not every scrape).</summary>
    private IReadOnlyList<SdrSensor> Decode(CollectContext context, SdrWalkState walk)
    {
        var key = context.Target.Key;
        var naming = context.Target.Module.SharedSensorNames;
        if (_decoded.TryGetValue(key, out var cached) && ReferenceEquals(cached.Walk, walk) && cached.Records == walk.Records.Count && cached.Complete == walk.Complete && cached.Naming == naming)
        {
            return cached.Sensors;
        }

        var records = new List<SdrRecord>(walk.Records.Count);
        var seen = new HashSet<ushort>();
        foreach (var raw in walk.Records)
        {
            SdrRecord record;
            try
            {
                record = SdrDecoder.Decode(raw.Bytes.Span);
            }
            catch (IpmiProtocolException ex)
            {
                Log.SdrRecordDropped(context.Logger, raw.RecordId, key, ex.Message);
                continue;
            }

            if (seen.Add(record.RecordId))
            {
                records.Add(record);
            }
            else
            {
                Log.SdrRecordDropped(context.Logger, record.RecordId, key, "duplicate record ID");
            }
        }

        var sensors = SdrSensors.Expand(records, expandShared: context.Target.Module.SharedSensorNames == SharedSensorNames.Expanded);
        _decoded[key] = new Decoded(walk, walk.Records.Count, walk.Complete, naming, sensors);
        return sensors;
    }

    /// <summary>
    /// <c>sensors.ignore_not_available</c> (FreeIPMI <c>--ignore-not-available-sensors</c>): readings without a value
    /// or state (scanning disabled, unavailable, not readable) are left out.
    /// </summary>
    private sealed class AvailableOnly(ICollection<SensorReading> inner) : ICollection<SensorReading>
    {
        public int Count => inner.Count;

        public bool IsReadOnly => false;

        public void Add(SensorReading item)
        {
            if (item.Status != SensorStatus.Unavailable)
            {
                inner.Add(item);
            }
        }

        public void Clear() => inner.Clear();

        public bool Contains(SensorReading item) => inner.Contains(item);

        public void CopyTo(SensorReading[] array, int arrayIndex) => inner.CopyTo(array, arrayIndex);

        public bool Remove(SensorReading item) => inner.Remove(item);

        public IEnumerator<SensorReading> GetEnumerator() => inner.GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed record Decoded(SdrWalkState Walk, int Records, bool Complete, SharedSensorNames Naming, IReadOnlyList<SdrSensor> Sensors);
}
