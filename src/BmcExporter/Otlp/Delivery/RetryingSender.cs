using BmcExporter.Config;
using BmcExporter.Otlp.Wire;
using Microsoft.Extensions.Logging;

namespace BmcExporter.Otlp.Delivery;

/// <summary>
/// Sends a request until it is accepted, rejected for good, the attempts (<c>otlp.retry.max_attempts</c>) are
/// used up or the deadline passes. Between attempts it waits the receiver's Retry-After / RetryInfo when given,
/// otherwise an exponential backoff from <c>otlp.retry.initial_backoff</c>, with jitter, each wait capped at
/// <c>otlp.retry.max_backoff</c>. A change from working to failing (and back) is logged once per signal.
/// </summary>
internal sealed class RetryingSender
{
    private readonly OtlpTransport _transport;
    private readonly OtlpConfig _config;
    private readonly OtlpStats _stats;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly int[] _failing = new int[2];

    public RetryingSender(OtlpTransport transport, OtlpConfig config, OtlpStats stats, TimeProvider time, ILogger logger)
    {
        _transport = transport;
        _config = config;
        _stats = stats;
        _time = time;
        _logger = logger;
    }

    /// <summary>
    /// Sends <paramref name="payload"/>; returns the last outcome. Waits stop early at <paramref name="deadline"/>
    /// (the result is then the last retryable outcome).
    /// </summary>
    public async Task<ExportOutcome> SendAsync(OtlpSignal signal, ExportPayload payload, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var attempts = Math.Max(1, _config.RetryMaxAttempts);
        ExportOutcome outcome = default;
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            outcome = await _transport.SendAsync(signal, payload, cancellationToken).ConfigureAwait(false);
            _stats.RecordAttempt(signal, payload, payload.BodyLength(_transport.IsGrpc), outcome, retry: attempt > 1);
            NoteTransition(signal, outcome);
            if (outcome.Status != ExportStatus.Retryable || attempt == attempts)
            {
                return outcome;
            }

            var wait = Backoff(attempt, outcome.RetryAfter);
            if (_time.GetUtcNow() + wait > deadline)
            {
                return outcome;
            }

            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
        }

        return outcome;
    }

    /// <summary>The wait after failed attempt <paramref name="attempt"/> (1-based).</summary>
    public TimeSpan Backoff(int attempt, TimeSpan? retryAfter)
    {
        var cap = _config.RetryMaxBackoff;
        if (retryAfter is { } asked)
        {
            return asked > cap ? cap : asked;
        }

        var exponential = _config.RetryInitialBackoff * Math.Pow(2, Math.Min(attempt - 1, 20));
        var capped = exponential > cap ? cap : exponential;

        // Jitter down to 80%, so BMC shards that failed together do not retry in lockstep.
        return capped * (0.8 + (0.2 * Random.Shared.NextDouble()));
    }

    private void NoteTransition(OtlpSignal signal, ExportOutcome outcome)
    {
        var failing = outcome.Status == ExportStatus.Success ? 0 : 1;
        if (Interlocked.Exchange(ref _failing[(int)signal], failing) == failing)
        {
            return;
        }

        var name = signal == OtlpSignal.Metrics ? "metrics" : "logs";
        if (failing == 1)
        {
            OtlpLog.ExportFailing(_logger, name, _transport.RedactedEndpoint, outcome.Detail);
        }
        else
        {
            OtlpLog.ExportRecovered(_logger, name, _transport.RedactedEndpoint);
        }
    }
}
