using BmcExporter.Collectors;
using BmcExporter.Logging;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace BmcExporter.Engine;

/// <summary>
/// Scrapes one target over its pooled session: each enabled collector in turn, each under a bounded Polly
/// retry for transient errors (a lost session is dropped before the retry so the retry opens a new one).
/// A failed collector does not stop the next one.
/// </summary>
public sealed class TargetScraper : ITargetScraper
{
    private static readonly ResiliencePropertyKey<string> TargetKey = new("bmc-exporter.target");
    private static readonly ResiliencePropertyKey<string> CollectorKey = new("bmc-exporter.collector");
    private readonly SessionPool _sessions;
    private readonly CollectorSet _collectors;
    private readonly TargetStateStore _state;
    private readonly TargetStatsRegistry _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ResiliencePipeline _retry;

    public TargetScraper(
        SessionPool sessions,
        CollectorSet collectors,
        TargetStateStore state,
        TargetStatsRegistry stats,
        RetryOptions retry,
        TimeProvider time,
        ILogger logger,
        CollectorSupport? support = null) // collectors known unsupported per target; a fresh memory when null
    {
        _sessions = sessions;
        Support = support ?? new CollectorSupport(time);
        _collectors = collectors;
        _state = state;
        _stats = stats;
        _time = time;
        _logger = logger;
        _retry = new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = Math.Max(1, retry.MaxAttempts),
                Delay = retry.Delay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = retry.Delay > TimeSpan.Zero,
                ShouldHandle = new PredicateBuilder().Handle<Exception>(ErrorClassifier.IsTransient),
                OnRetry = OnRetryAsync,
            })
            .Build();
        RetriesEnabled = retry.MaxAttempts > 0;
    }

    private bool RetriesEnabled { get; }

    /// <summary>What each target's BMC said it does not support (not asked again until a re-check is due).</summary>
    public CollectorSupport Support { get; }

    /// <inheritdoc />
    /// <remarks>
    /// A collector the BMC said it does not support (<see cref="ErrorClassifier.UnsupportedReason"/>) is recorded as
    /// such and skipped, without a command, until <see cref="CollectorSupport"/> wants a re-check.
    /// One session attempt per scrape: when opening the session fails (no answer, unreachable, refused, no free
    /// session slot), every remaining collector fails with that same cause instead of trying again, so an unreachable
    /// BMC costs one attempt, not one per collector.
    /// </remarks>
    public async Task ScrapeAsync(ScrapeTarget target, SnapshotBuilder builder, CancellationToken cancellationToken)
    {
        var stats = _stats.For(target.Key);
        var memo = new ScrapeMemo();
        string? sessionFailure = null;
        foreach (var kind in target.Module.Collectors)
        {
            var name = CollectorLabels.Of(kind);
            var collector = _collectors.Find(kind);
            var started = _time.GetTimestamp();
            if (collector is null)
            {
                builder.Complete(name, false, $"collector '{name}' is not supported by bmc-exporter", TimeSpan.Zero);
                continue;
            }

            if (Support.IsKnownUnsupported(target.Key, name, stats.SessionsOpened, out var known))
            {
                builder.CompleteUnsupported(name, known, TimeSpan.Zero);
                continue;
            }

            if (sessionFailure is not null)
            {
                builder.Complete(name, false, sessionFailure, TimeSpan.Zero);
                continue;
            }

            try
            {
                await RunAsync(target, collector, builder, stats, memo, cancellationToken).ConfigureAwait(false);
                builder.Complete(name, true, null, _time.GetElapsedTime(started));
                Support.Clear(target.Key, name);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (CollectorPartialException ex)
            {
                builder.Complete(name, false, $"partial: {ex.Message}", _time.GetElapsedTime(started));
            }
            catch (SessionUnavailableException ex)
            {
                sessionFailure = ex.Message;
                builder.Complete(name, false, sessionFailure, _time.GetElapsedTime(started));
                Log.CollectorFailed(_logger, name, target.Key, sessionFailure);
                if (ErrorClassifier.IsAuthentication(ex.InnerException!))
                {
                    stats.RecordAuthenticationFailure();
                }
            }
            catch (Exception ex) when (ErrorClassifier.UnsupportedReason(kind, ex) is { } unsupported)
            {
                // Remembered with the session it was learnt on: a new session or the re-check period asks again.
                builder.CompleteUnsupported(name, unsupported, _time.GetElapsedTime(started));
                Support.MarkUnsupported(target.Key, name, unsupported, stats.SessionsOpened);
            }
            catch (Exception ex)
            {
                Support.Clear(target.Key, name);
                var reason = ErrorClassifier.Describe(ex);
                builder.Complete(name, false, reason, _time.GetElapsedTime(started));
                Log.CollectorFailed(_logger, name, target.Key, reason);
                if (ErrorClassifier.IsSessionLost(ex))
                {
                    await _sessions.InvalidateAsync(target.Key, reason).ConfigureAwait(false);
                }
            }
        }

        if (_sessions.CountersOf(target.Key) is { } counters)
        {
            stats.RecordTransport(counters);
        }
    }

    /// <inheritdoc />
    public async ValueTask ForgetAsync(string targetKey)
    {
        _state.Forget(targetKey);
        Support.Forget(targetKey);
        await _sessions.RemoveAsync(targetKey).ConfigureAwait(false);
    }

    private async Task RunAsync(ScrapeTarget target, IScrapeCollector collector, SnapshotBuilder builder, TargetStats stats, ScrapeMemo memo, CancellationToken cancellationToken)
    {
        async ValueTask Attempt(CancellationToken ct)
        {
            IBmcSession session;
            try
            {
                session = await _sessions.GetAsync(target, ct).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && ex is not OutOfMemoryException)
            {
                throw new SessionUnavailableException(ErrorClassifier.DescribeSessionFailure(ex), ex);
            }

            builder.SetCipherSuite(session.CipherSuite);
            var context = new CollectContext
            {
                Target = target,
                Channel = new CountingChannel(session.Channel, stats, builder),
                Builder = builder,
                State = _state,
                Stats = stats,
                Time = _time,
                Logger = _logger,
                Features = new TargetFeatures(Support, target.Key, stats),
                Memo = memo,
            };
            await collector.CollectAsync(context, ct).ConfigureAwait(false);
        }

        if (!RetriesEnabled)
        {
            await Attempt(cancellationToken).ConfigureAwait(false);
            return;
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(TargetKey, target.Key);
            context.Properties.Set(CollectorKey, CollectorLabels.Of(collector.Kind));
            await _retry.ExecuteAsync(static async (ctx, attempt) => await attempt(ctx.CancellationToken).ConfigureAwait(false), context, (Func<CancellationToken, ValueTask>)Attempt).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask OnRetryAsync(OnRetryArguments<object> args)
    {
        if (!args.Context.Properties.TryGetValue(TargetKey, out var key) || args.Outcome.Exception is not { } ex)
        {
            return;
        }

        _stats.For(key).RecordRetry();
        var collector = args.Context.Properties.GetValue(CollectorKey, string.Empty);
        Log.CollectorRetry(_logger, collector, key, ex.Message);
        if (ErrorClassifier.IsSessionLost(ex))
        {
            await _sessions.InvalidateAsync(key, ex.Message).ConfigureAwait(false);
        }
    }

    /// <summary>One target's view of <see cref="CollectorSupport"/> for optional parts of collectors.</summary>
    private sealed class TargetFeatures(CollectorSupport support, string targetKey, TargetStats stats) : IOptionalFeatures
    {
        public bool IsKnownUnsupported(string feature) => support.IsKnownUnsupported(targetKey, feature, stats.SessionsOpened, out _);

        public void MarkUnsupported(string feature, string reason) => support.MarkUnsupported(targetKey, feature, reason, stats.SessionsOpened);
    }
}

/// <summary>Bounded retries of a collector after a transient error.</summary>
public sealed record RetryOptions
{
    /// <summary>Extra attempts per collector. Default 1; 0 disables retries.</summary>
    public int MaxAttempts { get; init; } = 1;

    /// <summary>Delay before the first retry, doubled after each. Default 200 ms.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMilliseconds(200);
}
