using BmcExporter.Ipmi.Framing;

namespace BmcExporter.Ipmi.Client;

public sealed partial class IpmiSession
{
    private void StartKeepalive()
        => _keepaliveTimer = _time.CreateTimer(static state => ((IpmiSession)state!).OnKeepaliveDue(), this, _options.KeepaliveInterval, Timeout.InfiniteTimeSpan);

    /// <summary>Pushes the keepalive back: it fires only after <see cref="IpmiSessionOptions.KeepaliveInterval"/> of silence.</summary>
    private void ScheduleKeepalive() => _keepaliveTimer?.Change(_options.KeepaliveInterval, Timeout.InfiniteTimeSpan);

    private void OnKeepaliveDue() => _ = KeepaliveAsync();

    /// <summary>
    /// Get Device ID inside the BMC's idle timeout (reference §2.12). Skipped when a request is in flight (the
    /// session is not idle). A failure marks the session lost; the next request re-establishes it.
    /// </summary>
    private async Task KeepaliveAsync()
    {
        if (!_gate.Wait(0))
        {
            ScheduleKeepalive();
            return;
        }

        try
        {
            if (_state != SessionState.Active)
            {
                return;
            }

            var header = IpmiMessageHeader.ForRequest(NetFn.App, GetDeviceIdCommand, NextRequestSequence());
            await SendSealedAsync(header, ReadOnlyMemory<byte>.Empty, "keepalive Get Device ID", CancellationToken.None).ConfigureAwait(false);
            KeepalivesSent++;
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
        }
    }

    /// <summary>Keepalives answered so far (diagnostics).</summary>
    public int KeepalivesSent { get; private set; }
}
