using BmcExporter.Snapshots;

namespace BmcExporter.Engine;

/// <summary>
/// One target's circuit breaker: it opens after <see cref="BreakerOptions.MinimumFailures"/> dead scrapes in a row
/// (nothing answered at all: no reply, login refused), stays open for <see cref="BreakerOptions.BreakFor"/> of the
/// failed trials so far, then lets one trial scrape through (half-open): an answer closes it, silence doubles the
/// break. A scrape cut short by the deadline after the BMC answered is not dead, so a slow but alive BMC is never
/// isolated. Polly's breaker counts a failure ratio over a window, which a BMC that was healthy a minute ago never
/// reaches; consecutive counting is what the docs promise and what operators expect, hence this small state machine.
/// </summary>
internal sealed class TargetBreaker(BreakerOptions options, TimeProvider time)
{
    private readonly Lock _lock = new();
    private int _consecutiveDead;
    private int _failedTrials;
    private bool _open;
    private bool _trialRunning;
    private DateTimeOffset _openUntil;

    /// <summary>The state as exported: half-open while a trial may run or runs.</summary>
    public BreakerState State
    {
        get
        {
            lock (_lock)
            {
                return !_open ? BreakerState.Closed : _trialRunning || time.GetUtcNow() >= _openUntil ? BreakerState.HalfOpen : BreakerState.Open;
            }
        }
    }

    /// <summary><c>true</c> after at least one dead scrape in a row: such targets scrape from the suspect pool.</summary>
    public bool IsSuspect
    {
        get
        {
            lock (_lock)
            {
                return _consecutiveDead > 0;
            }
        }
    }

    /// <summary>Dead scrapes in a row.</summary>
    public int ConsecutiveDead
    {
        get
        {
            lock (_lock)
            {
                return _consecutiveDead;
            }
        }
    }

    /// <summary><c>true</c> when a scrape may run now; otherwise <paramref name="retryIn"/> says when it may.</summary>
    public bool TryEnter(out TimeSpan retryIn)
    {
        lock (_lock)
        {
            retryIn = TimeSpan.Zero;
            if (!_open)
            {
                return true;
            }

            var now = time.GetUtcNow();
            if (now < _openUntil || _trialRunning)
            {
                retryIn = _openUntil > now ? _openUntil - now : TimeSpan.Zero;
                return false;
            }

            _trialRunning = true;
            return true;
        }
    }

    /// <summary>Records the end of a scrape that <see cref="TryEnter"/> let through.</summary>
    public void Record(bool dead)
    {
        lock (_lock)
        {
            var trial = _trialRunning;
            _trialRunning = false;
            if (!dead)
            {
                _consecutiveDead = 0;
                _failedTrials = 0;
                _open = false;
                return;
            }

            _consecutiveDead++;
            if (trial)
            {
                _failedTrials++;
                Open();
            }
            else if (!_open && _consecutiveDead >= options.MinimumFailures)
            {
                _failedTrials = 0;
                Open();
            }
        }
    }

    private void Open()
    {
        _open = true;
        _openUntil = time.GetUtcNow() + options.BreakFor(_failedTrials);
    }
}
