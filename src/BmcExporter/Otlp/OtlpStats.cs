using System.Diagnostics.Metrics;
using BmcExporter.Otlp.Delivery;
using BmcExporter.Otlp.Wire;

namespace BmcExporter.Otlp;

/// <summary>
/// The OTLP output's own figures: requests by signal and outcome, bytes sent, retries, items delivered and dropped,
/// log queue depth and the size of the cached metric pieces. Lock-free counters, readable as properties and
/// published through the <see cref="MeterName"/> meter (observable instruments, so nothing is recorded twice).
/// </summary>
internal sealed class OtlpStats : IDisposable
{
    /// <summary>The meter of the OTLP output's own metrics.</summary>
    public const string MeterName = "BmcExporter.Otlp";

    private readonly long[,] _requests = new long[2, 3];
    private readonly long[] _bytes = new long[2];
    private readonly long[] _retries = new long[2];
    private readonly long[] _delivered = new long[2];
    private readonly long[] _rejected = new long[2];
    private readonly long[] _gaveUp = new long[2];
    private readonly Meter _meter;
    private long _queueDropped;

    /// <summary>Creates the counters; <paramref name="queue"/> and <paramref name="cache"/> are read when the meter is collected.</summary>
    public OtlpStats(Func<(long Records, long Bytes)> queue, Func<(long Targets, long Bytes)> cache)
    {
        _meter = new Meter(MeterName, OtlpFields.ScopeVersion);
        _meter.CreateObservableCounter("bmc_exporter.otlp.requests", () => Each((s, o) => new Measurement<long>(Requests(s, o), Tag("signal", s), new("outcome", OutcomeName(o)))), "{request}", "OTLP export requests by signal and outcome (success, retryable, permanent)");
        _meter.CreateObservableCounter("bmc_exporter.otlp.sent", () => Signals(s => SentBytes(s)), "By", "Bytes of OTLP request bodies sent, as on the wire");
        _meter.CreateObservableCounter("bmc_exporter.otlp.retries", () => Signals(s => Retries(s)), "{request}", "OTLP export attempts that repeated a failed one");
        _meter.CreateObservableCounter("bmc_exporter.otlp.delivered", () => Signals(s => Delivered(s)), "{item}", "Data points or log records accepted by the receiver");
        _meter.CreateObservableCounter("bmc_exporter.otlp.dropped", Dropped, "{item}", "Data points or log records given up: rejected by the receiver, retries used up (metrics), or log queue full");
        _meter.CreateObservableGauge("bmc_exporter.otlp.queue.records", () => queue().Records, "{record}", "SEL log records waiting in the persisted OTLP queue");
        _meter.CreateObservableGauge("bmc_exporter.otlp.queue.size", () => queue().Bytes, "By", "Bytes of SEL log records waiting in the persisted OTLP queue");
        _meter.CreateObservableGauge("bmc_exporter.otlp.cache.size", () => cache().Bytes, "By", "Bytes of encoded, compressed hw.* metrics held for the next export");
    }

    /// <summary>The meter these figures are published on (one per output).</summary>
    internal Meter Meter => _meter;

    public long Requests(OtlpSignal signal, ExportStatus outcome) => Interlocked.Read(ref _requests[(int)signal, (int)outcome]);

    public long SentBytes(OtlpSignal signal) => Interlocked.Read(ref _bytes[(int)signal]);

    public long Retries(OtlpSignal signal) => Interlocked.Read(ref _retries[(int)signal]);

    public long Delivered(OtlpSignal signal) => Interlocked.Read(ref _delivered[(int)signal]);

    public long RejectedItems(OtlpSignal signal) => Interlocked.Read(ref _rejected[(int)signal]);

    public long GaveUp(OtlpSignal signal) => Interlocked.Read(ref _gaveUp[(int)signal]);

    public long QueueDropped => Interlocked.Read(ref _queueDropped);

    internal void RecordAttempt(OtlpSignal signal, ExportPayload payload, long bodyBytes, ExportOutcome outcome, bool retry)
    {
        Interlocked.Increment(ref _requests[(int)signal, (int)outcome.Status]);
        Interlocked.Add(ref _bytes[(int)signal], bodyBytes);
        if (retry)
        {
            Interlocked.Increment(ref _retries[(int)signal]);
        }

        if (outcome.Status == ExportStatus.Success)
        {
            Interlocked.Add(ref _delivered[(int)signal], payload.Items - outcome.Rejected);
            Interlocked.Add(ref _rejected[(int)signal], outcome.Rejected);
        }
        else if (outcome.Status == ExportStatus.Permanent)
        {
            Interlocked.Add(ref _rejected[(int)signal], payload.Items);
        }
    }

    internal void RecordGaveUp(OtlpSignal signal, long items) => Interlocked.Add(ref _gaveUp[(int)signal], items);

    internal void RecordQueueDropped(long records) => Interlocked.Add(ref _queueDropped, records);

    public void Dispose() => _meter.Dispose();

    private static string SignalName(OtlpSignal s) => s == OtlpSignal.Metrics ? "metrics" : "logs";

    private static string OutcomeName(ExportStatus o) => o switch
    {
        ExportStatus.Success => "success",
        ExportStatus.Retryable => "retryable",
        _ => "permanent",
    };

    private static KeyValuePair<string, object?> Tag(string key, OtlpSignal s) => new(key, SignalName(s));

    private static IEnumerable<Measurement<long>> Signals(Func<OtlpSignal, long> value)
    {
        foreach (var s in Enum.GetValues<OtlpSignal>())
        {
            yield return new Measurement<long>(value(s), Tag("signal", s));
        }
    }

    private static IEnumerable<Measurement<long>> Each(Func<OtlpSignal, ExportStatus, Measurement<long>> measure)
    {
        foreach (var s in Enum.GetValues<OtlpSignal>())
        {
            foreach (var o in Enum.GetValues<ExportStatus>())
            {
                yield return measure(s, o);
            }
        }
    }

    private IEnumerable<Measurement<long>> Dropped()
    {
        foreach (var s in Enum.GetValues<OtlpSignal>())
        {
            yield return new Measurement<long>(RejectedItems(s), Tag("signal", s), new("reason", "rejected"));
            yield return new Measurement<long>(GaveUp(s), Tag("signal", s), new("reason", "retries_exhausted"));
        }

        yield return new Measurement<long>(QueueDropped, new("signal", "logs"), new("reason", "queue_full"));
    }
}
