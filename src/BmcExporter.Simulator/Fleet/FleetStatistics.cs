namespace BmcExporter.Simulator.Fleet;

/// <summary>Counters across the fleet, updated with interlocked increments; tests use them to measure faults.</summary>
public sealed class FleetStatistics
{
    private long _received;
    private long _replies;
    private long _dropped;
    private long _malformed;
    private long _duplicated;
    private long _reordered;
    private long _truncated;
    private long _corrupted;
    private long _mutated;
    private long _wrongAuth;
    private long _busy;
    private long _sendMessages;
    private long _bridgeRefused;
    private long _sessionsOpened;
    private long _sessionsRejected;
    private long _sessionsExpired;

    public long Received => Interlocked.Read(ref _received);

    public long Replies => Interlocked.Read(ref _replies);

    /// <summary>Requests dropped by the loss fault (not counting silence from stop/reboot).</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    public long Malformed => Interlocked.Read(ref _malformed);

    public long Duplicated => Interlocked.Read(ref _duplicated);

    public long Reordered => Interlocked.Read(ref _reordered);

    public long Truncated => Interlocked.Read(ref _truncated);

    public long Corrupted => Interlocked.Read(ref _corrupted);

    /// <summary>In-session responses changed before sealing (fault <c>mutate</c>).</summary>
    public long Mutated => Interlocked.Read(ref _mutated);

    public long WrongAuthCodes => Interlocked.Read(ref _wrongAuth);

    public long NodeBusy => Interlocked.Read(ref _busy);

    /// <summary>Send Message (bridging) requests received in session.</summary>
    public long SendMessages => Interlocked.Read(ref _sendMessages);

    /// <summary>Send Message requests NAKed: no such controller, or the <c>altbridging</c> quirk.</summary>
    public long BridgeRefused => Interlocked.Read(ref _bridgeRefused);

    public long SessionsOpened => Interlocked.Read(ref _sessionsOpened);

    public long SessionsRejected => Interlocked.Read(ref _sessionsRejected);

    public long SessionsExpired => Interlocked.Read(ref _sessionsExpired);

    internal void OnReceived() => Interlocked.Increment(ref _received);

    internal void OnReply() => Interlocked.Increment(ref _replies);

    internal void OnDropped() => Interlocked.Increment(ref _dropped);

    internal void OnMalformed() => Interlocked.Increment(ref _malformed);

    internal void OnDuplicated() => Interlocked.Increment(ref _duplicated);

    internal void OnReordered() => Interlocked.Increment(ref _reordered);

    internal void OnTruncated() => Interlocked.Increment(ref _truncated);

    internal void OnCorrupted() => Interlocked.Increment(ref _corrupted);

    internal void OnMutated() => Interlocked.Increment(ref _mutated);

    internal void OnWrongAuth() => Interlocked.Increment(ref _wrongAuth);

    internal void OnBusy() => Interlocked.Increment(ref _busy);

    internal void OnSendMessage() => Interlocked.Increment(ref _sendMessages);

    internal void OnBridgeRefused() => Interlocked.Increment(ref _bridgeRefused);

    internal void OnSessionOpened() => Interlocked.Increment(ref _sessionsOpened);

    internal void OnSessionRejected() => Interlocked.Increment(ref _sessionsRejected);

    internal void OnSessionExpired() => Interlocked.Increment(ref _sessionsExpired);

    public override string ToString() =>
        $"received {Received}, replies {Replies}, dropped {Dropped}, malformed {Malformed}, sessions {SessionsOpened} opened/{SessionsRejected} rejected/{SessionsExpired} expired";
}
