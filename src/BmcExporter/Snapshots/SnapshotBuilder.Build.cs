namespace BmcExporter.Snapshots;

public sealed partial class SnapshotBuilder
{
    /// <summary>
    /// Builds the snapshot from what was collected so far. Planned collectors without an outcome are
    /// reported failed with <paramref name="pendingReason"/>; <paramref name="forced"/> overrides the outcome
    /// (circuit open) and <paramref name="error"/> the first error.
    /// </summary>
    public TargetSnapshot Build(string pendingReason, ScrapeOutcome? forced = null, string? error = null)
    {
        lock (_lock)
        {
            var outcomes = new List<CollectorOutcome>(PlannedCollectors.Count);
            var timedOut = false;
            foreach (var name in PlannedCollectors)
            {
                if (_outcomes.TryGetValue(name, out var o))
                {
                    outcomes.Add(o);
                }
                else
                {
                    outcomes.Add(new CollectorOutcome(name, false, pendingReason, TimeSpan.Zero));
                    timedOut = true;
                }
            }

            // A collector the BMC does not support is no failure of the scrape: a BMC without DCMI is not "partial".
            var succeeded = outcomes.Count(o => o.Success);
            var failed = outcomes.Count(o => !o.Success && !o.Unsupported);
            var outcome = forced ?? (failed == 0 && (succeeded > 0 || outcomes.Count == 0) ? ScrapeOutcome.Success
                : succeeded > 0 || failed == 0 ? ScrapeOutcome.Partial
                : timedOut && pendingReason.Contains("deadline", StringComparison.Ordinal) ? ScrapeOutcome.Timeout
                : ScrapeOutcome.Failed);
            var firstError = error ?? _firstError;
            if (firstError is null && (outcomes.FirstOrDefault(o => !o.Success && !o.Unsupported) ?? outcomes.FirstOrDefault(o => !o.Success)) is { } first)
            {
                firstError = $"{first.Collector}: {first.Error}";
            }

            return new TargetSnapshot
            {
                Target = Target,
                Key = Key,
                Module = Module,
                Labels = Labels,
                StartedAt = StartedAt,
                Duration = Elapsed,
                Outcome = outcome,
                Error = outcome == ScrapeOutcome.Success ? null : firstError,
                Collectors = outcomes,
                // A copy: the sensors collector may still be adding to its sink.
                Sensors = _sensors.ToArray(),
                Bmc = _bmc,
                Chassis = _chassis,
                Power = _power,
                Sel = _sel,
                NewSelEvents = _selEvents.ToArray(),
                SelCommit = _selCommit,
                Fru = _fru,
                Security = _security,
                Watchdog = _watchdog,
                LanMode = _lanMode,
                SelEventCounts = _selEventCounts,
                CipherSuite = _cipherSuite,
                Sdr = _sdr,
                OptionalMetrics = OptionalMetrics,
                Answered = Answered,
            };
        }
    }
}
