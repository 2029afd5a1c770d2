using BmcExporter.Ipmi.Client;

namespace BmcExporter.Ipmi.Tests.Client;

public sealed class RetransmissionTimerTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(2);

    [Fact]
    public void Current_NoSample_IsTheMaximum()
    {
        var timer = new RetransmissionTimer(Floor, Max);

        Assert.Equal(Max, timer.Current);
        Assert.Null(timer.SmoothedRoundTrip);
    }

    [Fact]
    public void Sample_First_SetsSrttAndRttvarHalf()
    {
        var timer = new RetransmissionTimer(Floor, Max);

        timer.Sample(TimeSpan.FromMilliseconds(200));

        // RFC 6298 §2.2: SRTT = R, RTTVAR = R/2, RTO = SRTT + 4 RTTVAR = 600 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(200), timer.SmoothedRoundTrip);
        Assert.Equal(TimeSpan.FromMilliseconds(600), timer.Current);
    }

    [Fact]
    public void Sample_Second_UpdatesWithAlphaAndBeta()
    {
        var timer = new RetransmissionTimer(Floor, Max);
        timer.Sample(TimeSpan.FromMilliseconds(200));

        timer.Sample(TimeSpan.FromMilliseconds(100));

        // RTTVAR = 3/4·100 + 1/4·|200-100| = 100; SRTT = 7/8·200 + 1/8·100 = 187.5; RTO = 587.5 ms.
        Assert.Equal(TimeSpan.FromMilliseconds(187.5), timer.SmoothedRoundTrip);
        Assert.Equal(TimeSpan.FromMilliseconds(587.5), timer.Current);
    }

    [Fact]
    public void Sample_TinyRoundTrips_ClampedToFloor()
    {
        var timer = new RetransmissionTimer(Floor, Max);

        for (var i = 0; i < 20; i++)
        {
            timer.Sample(TimeSpan.FromMicroseconds(300));
        }

        Assert.Equal(Floor, timer.Current);
    }

    [Fact]
    public void Sample_HugeRoundTrip_ClampedToMaximum()
    {
        var timer = new RetransmissionTimer(Floor, Max);

        timer.Sample(TimeSpan.FromSeconds(5));

        Assert.Equal(Max, timer.Current);
    }

    [Fact]
    public void BackOff_RepeatedTimeouts_DoublesUpToMaximumWithoutMovingTheBase()
    {
        var timer = new RetransmissionTimer(Floor, Max);
        timer.Sample(TimeSpan.Zero);

        var wait = timer.BackOff(timer.Current);
        Assert.Equal(TimeSpan.FromMilliseconds(200), wait);
        for (var i = 0; i < 4; i++)
        {
            wait = timer.BackOff(wait);
        }

        Assert.Equal(Max, wait);
        Assert.Equal(Floor, timer.Current);
    }

    [Fact]
    public void Constructor_FloorAboveMaximum_MaximumWins()
    {
        var timer = new RetransmissionTimer(TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(1));

        timer.Sample(TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromSeconds(1), timer.Current);
    }
}
