namespace BmcExporter.Ipmi.Client;

/// <summary>
/// Retransmission timeout from measured round trips, after RFC 6298 §2: the first sample R sets SRTT = R and
/// RTTVAR = R/2; later samples update RTTVAR = 3/4 RTTVAR + 1/4 |SRTT - R| and SRTT = 7/8 SRTT + 1/8 R; the
/// timeout is SRTT + max(G, 4 RTTVAR), clamped to [floor, maximum]. Before any sample it is the maximum (the
/// configured request timeout). Retransmissions of one request double their wait up to the maximum
/// (<see cref="BackOff"/>, §5.5). Callers feed only samples of requests that were sent once (Karn's rule, §3):
/// a reply after a retransmission could answer either copy.
/// </summary>
internal sealed class RetransmissionTimer
{
    private static readonly TimeSpan Granularity = TimeSpan.FromMilliseconds(1);
    private readonly TimeSpan _floor;
    private readonly TimeSpan _maximum;
    private TimeSpan _smoothed;
    private TimeSpan _variation;
    private bool _sampled;

    public RetransmissionTimer(TimeSpan floor, TimeSpan maximum)
    {
        _maximum = maximum;
        _floor = floor < maximum ? floor : maximum;
        Current = maximum;
    }

    /// <summary>The timeout to wait for the next transmission.</summary>
    public TimeSpan Current { get; private set; }

    /// <summary>Smoothed round trip, or null before the first sample.</summary>
    public TimeSpan? SmoothedRoundTrip => _sampled ? _smoothed : null;

    /// <summary>A round trip measured on a request that was transmitted exactly once.</summary>
    public void Sample(TimeSpan roundTrip)
    {
        if (roundTrip < TimeSpan.Zero)
        {
            roundTrip = TimeSpan.Zero;
        }

        if (!_sampled)
        {
            _smoothed = roundTrip;
            _variation = roundTrip / 2;
            _sampled = true;
        }
        else
        {
            var error = (_smoothed - roundTrip).Duration();
            _variation = (_variation * 3 / 4) + (error / 4);
            _smoothed = (_smoothed * 7 / 8) + (roundTrip / 8);
        }

        var spread = _variation * 4;
        Current = Clamp(_smoothed + (spread > Granularity ? spread : Granularity));
    }

    /// <summary>The wait for the next retransmission after <paramref name="previous"/> expired: double, up to the maximum.</summary>
    public TimeSpan BackOff(TimeSpan previous) => Clamp(previous * 2);

    private TimeSpan Clamp(TimeSpan value) => value < _floor ? _floor : value > _maximum ? _maximum : value;
}
