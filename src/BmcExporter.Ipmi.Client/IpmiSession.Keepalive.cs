using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    /// <summary>When the BMC last answered (a <see cref="TimeProvider"/> timestamp): the keepalive waits for that much silence.</summary>
    private long _lastAnswer;

    private int _keepalivesSent;

    private void StartKeepalive()
    {
        Volatile.Write(ref _lastAnswer, _time.GetTimestamp());
        _keepaliveTimer = _time.CreateTimer(static state => ((IpmiSession)state!).OnKeepaliveDue(), this, _options.KeepaliveInterval, Timeout.InfiniteTimeSpan);
    }

    /// <summary>
    /// Pushes the keepalive back: it fires only after <see cref="IpmiSessionOptions.KeepaliveInterval"/> of silence.
    /// Only the time of the answer is noted here; the timer, when due, re-arms itself for the rest of the interval
    /// (one timer change per interval instead of one per command).
    /// </summary>
    private void ScheduleKeepalive() => Volatile.Write(ref _lastAnswer, _time.GetTimestamp());

    private void RearmKeepalive(TimeSpan dueIn)
    {
        try
        {
            _keepaliveTimer?.Change(dueIn, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The session is being disposed.
        }
    }

    private void OnKeepaliveDue()
    {
        var silence = _time.GetElapsedTime(Volatile.Read(ref _lastAnswer));
        if (silence < _options.KeepaliveInterval)
        {
            RearmKeepalive(_options.KeepaliveInterval - silence);
            return;
        }

        _ = KeepaliveAsync();
    }

    /// <summary>
    /// Get Device ID inside the BMC's idle timeout (reference §2.12). Skipped when a request is in flight (the
    /// session is not idle). A failure marks the session lost; the next request re-establishes it.
    /// </summary>
    private async Task KeepaliveAsync()
    {
        if (!_gate.Wait(0))
        {
            // A request is in flight: the session is not idle; look again a full interval later.
            RearmKeepalive(_options.KeepaliveInterval);
            return;
        }

        var answered = false;
        try
        {
            if (_state != SessionState.Active)
            {
                return;
            }

            var header = IpmiMessageHeader.ForRequest(NetFn.App, GetDeviceIdCommand, NextRequestSequence());
            await SendSealedAsync(header, ReadOnlyMemory<byte>.Empty, "keepalive Get Device ID", CancellationToken.None).ConfigureAwait(false);
            answered = true;
        }
        catch (IpmiException)
        {
            _state = SessionState.Lost;
        }
        catch (ObjectDisposedException)
        {
            // Disposed while the keepalive was due.
        }
        finally
        {
            _gate.Release();
            RearmKeepalive(_options.KeepaliveInterval);
            if (answered)
            {
                // Counted once the next one is scheduled, so an observer of the count sees the timer armed.
                Interlocked.Increment(ref _keepalivesSent);
            }
        }
    }

    /// <summary>Keepalives answered so far (diagnostics).</summary>
    public int KeepalivesSent => Volatile.Read(ref _keepalivesSent);
}
