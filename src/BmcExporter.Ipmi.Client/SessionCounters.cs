namespace BmcExporter.Ipmi.Client;

/// <summary>
/// Transmission counters of one <see cref="IpmiSession"/> since it was created (re-logins included), for the
/// host to export: requests sent (first transmissions, handshake messages included), retransmissions, ICMP
/// errors seen, and the current retransmission timeout with the smoothed round trip it comes from.
/// </summary>
public readonly record struct SessionCounters(
    long RequestsSent,
    long Retransmissions,
    long Timeouts,
    long IcmpErrors,
    TimeSpan RetransmissionTimeout,
    TimeSpan? SmoothedRoundTrip);
