using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Engine;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Sdr;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Cli;

/// <summary>
/// <c>check-config --probe</c>: opens the module's session to every configured IPMI target, scrapes it once through
/// the engine's own <see cref="TargetScraper"/> (so "unsupported" is <see cref="ErrorClassifier.UnsupportedReason"/>'s
/// verdict, not a second classifier), asks what the settings need (<see cref="ConfigProbeObserver"/>) and names every
/// setting that does nothing on that target (<see cref="ConfigProbeRules"/>, and here the sensor filters,
/// <c>bridge_sensors</c> and the SDR workarounds against its SDR). At most <see cref="Concurrency"/> targets at once,
/// each within the config's <c>scrape.timeout</c>; passwords come from wherever the config says. Nothing is persisted
/// (in-memory state only).
/// </summary>
internal static class ConfigProbe
{
    /// <summary>Targets probed at once.</summary>
    public const int Concurrency = 8;

    /// <summary>The BMC's own IPMB address (IPMI v2.0 §5.5): sensors of any other owner are bridged.</summary>
    private const byte BmcAddress = 0x20;

    /// <summary>One warning line per inert or missing setting and one note per check that could not run, in target order.</summary>
    public static async Task<ConfigProbeReport> RunAsync(ExporterConfig config, IReadOnlyList<TargetConfig> targets, CancellationToken cancellationToken)
    {
        var time = TimeProvider.System;
        await using var factory = new IpmiSessionFactory(time);
        var stats = new TargetStatsRegistry();
        await using var pool = new SessionPool(factory, stats, NullLogger.Instance);
        var state = new TargetStateStore(null, NullLogger.Instance);
        var scraper = new TargetScraper(pool, new CollectorSet(DefaultCollectors.Create()), state, stats, new RetryOptions { MaxAttempts = 0 }, time, NullLogger.Instance);
        var probers = new Probers(scraper, pool, state, new ConfigProbeObserver(factory, new IpmiSecurityProber(), state, time), time);
        using var gate = new SemaphoreSlim(Concurrency);
        var tasks = targets.Select(async t =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return await ProbeAsync(config, t, probers, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var results = await Task.WhenAll(tasks).ConfigureAwait(false);
        return new ConfigProbeReport([.. results.SelectMany(r => r.Warnings)], [.. results.SelectMany(r => r.Notes)]);
    }

    private static async Task<ConfigProbeReport> ProbeAsync(
        ExporterConfig config, TargetConfig configured, Probers probers, CancellationToken cancellationToken)
    {
        if (ScrapeTarget.From(configured, config) is not { } target)
        {
            return new ConfigProbeReport([], []);
        }

        if (target.Module.Protocol != ModuleProtocol.Ipmi)
        {
            return new ConfigProbeReport([], [$"{target}: not probed (module protocol {target.Module.Protocol.ToString().ToLowerInvariant()}; --probe checks IPMI targets)"]);
        }

        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(target.Timeout);
        var warnings = new List<string>();
        var notes = new List<string>();
        try
        {
            await ProbeWithinAsync(target, probers, warnings, notes, deadline.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // A finding, not a note: the service's scrapes run within the same deadline.
            warnings.Add($"{target}: probe incomplete: no answer within scrape.timeout {target.Timeout.TotalSeconds:0.###}s; settings not checked");
        }

        return new ConfigProbeReport(warnings, notes);
    }

    /// <summary>
    /// Opens the module's session first (one attempt: a session that cannot open is reported once, with what the
    /// BMC showed about the cause), then scrapes through the engine, then asks what the settings need.
    /// </summary>
    private static async Task ProbeWithinAsync(ScrapeTarget target, Probers probers, List<string> warnings, List<string> notes, CancellationToken cancellationToken)
    {
        try
        {
            _ = await probers.Pool.GetAsync(target, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
        {
            var failed = await probers.Observer.ObserveFailureAsync(target, new ConfigProbeFacts { SessionFailure = ex }, cancellationToken).ConfigureAwait(false);
            warnings.AddRange(ConfigProbeRules.Warnings(target.Module, failed).Select(w => $"{target}: {w}"));
            notes.AddRange(ConfigProbeRules.Notes(target.Module, failed).Select(n => $"{target}: {n}"));
            warnings.Add($"{target}: probe: {string.Join(", ", target.CollectorNames)} failed: {ErrorClassifier.DescribeSessionFailure(ex)}");
            return;
        }

        var builder = new SnapshotBuilder(target.Address, target.Module.Name, target.Labels, target.CollectorNames, probers.Time)
        {
            Deadline = probers.Time.GetUtcNow() + target.Timeout,
        };
        await probers.Scraper.ScrapeAsync(target, builder, cancellationToken).ConfigureAwait(false);
        var snapshot = builder.Build("probe");
        var facts = new ConfigProbeFacts { Collectors = snapshot.Collectors };
        try
        {
            // The scrape may have replaced a lost session: ask over the one the pool holds now.
            var session = await probers.Pool.GetAsync(target, cancellationToken).ConfigureAwait(false);
            facts = await probers.Observer.ObserveAsync(target, session, facts, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
        {
            notes.Add($"{target}: probe: session lost after the scrape ({ErrorClassifier.DescribeSessionFailure(ex)}); cipher suites, privilege and workarounds not checked");
        }

        warnings.AddRange(ConfigProbeRules.Warnings(target.Module, facts).Select(w => $"{target}: {w}"));
        notes.AddRange(ConfigProbeRules.Notes(target.Module, facts).Select(n => $"{target}: {n}"));
        foreach (var error in snapshot.Collectors.Where(o => !o.Success && !o.Unsupported).GroupBy(o => o.Error))
        {
            warnings.Add($"{target}: probe: {string.Join(", ", error.Select(o => o.Collector))} failed: {error.Key}");
        }

        if (probers.State.GetSdrCache(target.Key) is { } sdr && sdr.Walk.Complete)
        {
            var sensors = Decode(sdr.Walk, target.Module);
            warnings.AddRange(InertSensorSettings(target.Module, sensors).Select(w => $"{target}: {w}"));
        }
        else if (snapshot.Collectors.FirstOrDefault(o => o.Collector == CollectorLabels.Of(CollectorKind.Sensors)) is { } sensorsOutcome
            && (sensorsOutcome.Success || sensorsOutcome.Error?.StartsWith("partial", StringComparison.Ordinal) == true))
        {
            notes.Add($"{target}: SDR repository not read completely; sensor filters, bridge_sensors and SDR workarounds not checked");
        }
    }

    /// <summary>What every target's probe shares: the engine's scraper and session pool, state and the observer.</summary>
    private sealed record Probers(TargetScraper Scraper, SessionPool Pool, TargetStateStore State, ConfigProbeObserver Observer, TimeProvider Time);

    /// <summary>The sensors of a walked SDR repository, as the sensors collector expands them for <paramref name="module"/>.</summary>
    internal static List<SdrSensor> Decode(SdrWalkState sdr, ModuleConfig module)
    {
        var records = new List<SdrRecord>(sdr.Records.Count);
        foreach (var raw in sdr.Records)
        {
            try
            {
                records.Add(SdrDecoder.Decode(raw.Bytes.Span));
            }
            catch (IpmiProtocolException)
            {
                // The sensors collector drops such a record too: it holds no sensor a setting could act on.
            }
        }

        return [.. SdrSensors.Expand(records, expandShared: module.SharedSensorNames == SharedSensorNames.Expanded)];
    }

    /// <summary>Sensor settings of <paramref name="module"/> that act on none of <paramref name="sensors"/> (one SDR's sensors).</summary>
    internal static IEnumerable<string> InertSensorSettings(ModuleConfig module, IReadOnlyList<SdrSensor> sensors)
    {
        var f = module.Sensors;
        var ids = sensors.Select(s => (int)s.RecordId).ToHashSet();
        var types = sensors.Select(s => s.SensorType).ToHashSet();
        foreach (var id in f.ExcludeRecordIds.Where(i => !ids.Contains(i)).Order())
        {
            yield return $"sensors.exclude_record_ids (exclude_sensor_ids) {id} matches no SDR record of this BMC";
        }

        foreach (var id in f.IncludeRecordIds.Where(i => !ids.Contains(i)).Order())
        {
            yield return $"sensors.include_record_ids {id} matches no SDR record of this BMC";
        }

        foreach (var type in f.ExcludeTypes.Where(t => !types.Contains(t)).Order())
        {
            yield return $"sensors.exclude_types 0x{type:X2} matches no sensor of this BMC";
        }

        foreach (var type in f.IncludeTypes.Where(t => !types.Contains(t)).Order())
        {
            yield return $"sensors.include_types 0x{type:X2} matches no sensor of this BMC";
        }

        foreach (var regex in f.Exclude.Where(r => !sensors.Any(s => r.IsMatch(s.Name))))
        {
            yield return $"sensors.exclude '{regex}' matches no sensor name of this BMC";
        }

        foreach (var regex in f.Include.Where(r => !sensors.Any(s => r.IsMatch(s.Name))))
        {
            yield return $"sensors.include '{regex}' matches no sensor name of this BMC";
        }

        var foreign = sensors.Any(s => !s.IsEventOnly && !s.IsOwnedBy(BmcAddress));
        if (module.BridgeSensors && !foreign)
        {
            yield return $"bridge_sensors does nothing: every sensor of this BMC's SDR is owned by the BMC itself; remove bridge_sensors from modules.{module.Name}";
        }

        if (module.HasWorkaround("assumebmcowner") && !foreign)
        {
            yield return $"workaround 'assumebmcowner' does nothing: every sensor of this BMC's SDR is owned by the BMC itself; remove it from modules.{module.Name}.workarounds";
        }

        // discretereading acts on Full Sensor Records with a non-threshold event/reading type (IPMI v2.0 §43.1).
        if (module.HasWorkaround("discretereading") && !sensors.Any(s => s.Full is { HasAnalogReading: true } && !s.IsThresholdBased))
        {
            yield return $"workaround 'discretereading' does nothing: this BMC's SDR has no discrete sensor with an analog reading formula (Full Sensor Record); remove it from modules.{module.Name}.workarounds";
        }
    }
}
