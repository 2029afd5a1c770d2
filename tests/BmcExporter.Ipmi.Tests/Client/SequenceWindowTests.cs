using BmcExporter.Ipmi.Client;

namespace BmcExporter.Ipmi.Tests.Client;

public sealed class SequenceWindowTests
{
    [Fact]
    public void TryAccept_DuplicatesAndOldNumbers_Rejected()
    {
        var window = new SequenceWindow();

        Assert.True(window.TryAccept(10));
        Assert.False(window.TryAccept(10));
        Assert.True(window.TryAccept(12));
        Assert.True(window.TryAccept(11));
        Assert.False(window.TryAccept(11));
        Assert.True(window.TryAccept(50));
        Assert.False(window.TryAccept(12));
        Assert.False(window.TryAccept(0));
    }

    [Fact]
    public void TryAccept_WrapAround_AcceptsForward()
    {
        var window = new SequenceWindow();

        Assert.True(window.TryAccept(uint.MaxValue - 1));
        Assert.True(window.TryAccept(1));
        Assert.True(window.TryAccept(uint.MaxValue));
        Assert.False(window.TryAccept(uint.MaxValue - 1));
    }
}
