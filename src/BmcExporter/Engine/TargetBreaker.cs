using BmcExporter.Snapshots;
using Polly;
using Polly.CircuitBreaker;

namespace BmcExporter.Engine;

/// <summary>One target's Polly circuit breaker: opens on consecutive failed scrapes, backs off exponentially.</summary>
internal sealed class TargetBreaker
{
    private readonly CircuitBreakerStateProvider _state = new();

    public TargetBreaker(BreakerOptions options, TimeProvider time)
    {
        Pipeline = new ResiliencePipelineBuilder<TargetSnapshot> { TimeProvider = time }
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<TargetSnapshot>
            {
                FailureRatio = 1.0,
                MinimumThroughput = Math.Max(2, options.MinimumFailures),
                SamplingDuration = options.SamplingDuration,
                BreakDurationGenerator = args => ValueTask.FromResult(options.BreakFor(args.HalfOpenAttempts)),
                StateProvider = _state,
                ShouldHandle = static args => ValueTask.FromResult(
                    args.Outcome.Result is { Outcome: ScrapeOutcome.Failed or ScrapeOutcome.Timeout }
                    || args.Outcome.Exception is not null and not OperationCanceledException),
            })
            .Build();
    }

    /// <summary>The breaker pipeline wrapping each scrape of the target.</summary>
    public ResiliencePipeline<TargetSnapshot> Pipeline { get; }

    /// <summary>Current circuit state.</summary>
    public BreakerState State => _state.CircuitState switch
    {
        CircuitState.Closed => BreakerState.Closed,
        CircuitState.Open => BreakerState.Open,
        CircuitState.HalfOpen => BreakerState.HalfOpen,
        _ => BreakerState.Isolated,
    };
}
