using System.Text;
using BmcExporter.Ipmi.Commands;

namespace BmcExporter.Ipmi.Tests.Commands;

public sealed class SystemCommandsTests
{
    // ipmitool "mc watchdog get" decodes these 8 bytes as SMS/OS running, logging, power cycle, SMI, 10 s, 60.0/30.1 s.
    private static readonly byte[] Watchdog = [0x44, 0x13, 0x0A, 0x10, 0x58, 0x02, 0x2D, 0x01];

    [Fact]
    public void GetWatchdogTimer_Decode_NamedFields()
    {
        var t = GetWatchdogTimer.DecodeResponse(Watchdog);

        Assert.Equal(4, t.TimerUse);
        Assert.True(t.Running);
        Assert.False(t.DontLog);
        Assert.Equal(3, t.TimeoutAction);
        Assert.Equal(1, t.PreTimeoutInterrupt);
        Assert.Equal(10, t.PreTimeoutIntervalSeconds);
        Assert.Equal(600, t.InitialCountdown);
        Assert.Equal(301, t.PresentCountdown);
        Assert.Equal(Watchdog, GetWatchdogTimer.EncodeResponse(t));
    }

    [Fact]
    public void GetWatchdogTimer_EveryTruncation_ProtocolException()
    {
        for (var length = 0; length < Watchdog.Length; length++)
        {
            var bytes = Watchdog[..length];
            Assert.Throws<IpmiProtocolException>(() => GetWatchdogTimer.DecodeResponse(bytes));
        }
    }

    [Theory]
    [InlineData("2.10.4")]
    [InlineData("2.10.4 build 20251201 (rev A)")]
    [InlineData("")]
    public void GetSystemInfoParameters_EncodeDecodeBlocks_SameString(string version)
    {
        var text = Encoding.ASCII.GetBytes(version);
        var first = GetSystemInfoParameters.DecodeStringBlock(GetSystemInfoParameters.EncodeStringBlock(text, 0), 0);
        var bytes = new List<byte>(first.Bytes);
        for (byte set = 1; bytes.Count < first.DeclaredLength; set++)
        {
            bytes.AddRange(GetSystemInfoParameters.DecodeStringBlock(GetSystemInfoParameters.EncodeStringBlock(text, set), set).Bytes);
        }

        Assert.Equal((byte)text.Length, first.DeclaredLength!.Value);
        Assert.Equal(version, Encoding.ASCII.GetString([.. bytes.TakeWhile(b => b != 0)]));
    }

    [Fact]
    public void GetSystemInfoParameters_NoRevision_ProtocolException() =>
        Assert.Throws<IpmiProtocolException>(() => GetSystemInfoParameters.DecodeStringBlock([], 0));

    [Theory]
    [InlineData(new byte[] { 0x00 }, 0)]
    [InlineData(new byte[] { 0x02 }, 2)]
    public void SupermicroLanMode_OneByte_Mode(byte[] data, int expected) =>
        Assert.Equal(expected, SupermicroLanMode.DecodeResponse(data));

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x03 })]
    [InlineData(new byte[] { 0x01, 0x00 })]
    public void SupermicroLanMode_NotOneByteOfZeroToTwo_ProtocolException(byte[] data) =>
        Assert.Throws<IpmiProtocolException>(() => SupermicroLanMode.DecodeResponse(data));
}
