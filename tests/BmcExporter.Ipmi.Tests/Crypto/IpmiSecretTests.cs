using BmcExporter.Ipmi.Crypto;

namespace BmcExporter.Ipmi.Tests.Crypto;

public sealed class IpmiSecretTests
{
    [Fact]
    public void Equals_SameBytes_AnyOrigin_AreEqualWithTheSameHash()
    {
        var a = IpmiSecret.FromString("reader-pass", "env PW");
        var b = IpmiSecret.FromBytes("reader-pass"u8, "file /run/pw");

        Assert.True(a.Equals(b));
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.False(a.Equals(IpmiSecret.FromString("reader-pasS")));
        Assert.False(a.Equals(IpmiSecret.FromString("reader")));
        Assert.False(a.Equals(null));
    }

    [Fact]
    public void ToString_ShowsOnlyTheOrigin()
    {
        Assert.Equal("***(env PW)", IpmiSecret.FromString("hunter2", "env PW").ToString());
        Assert.Equal("***", IpmiSecret.FromString("hunter2").ToString());
        Assert.Equal("***(none)", IpmiSecret.Empty.ToString());
    }

    [Fact]
    public void FromText_HasNoIpmiLengthLimit_FromBytesHas()
    {
        var token = new string('t', 64);

        Assert.Equal(token, IpmiSecret.FromText(token, "header x-api-key").RevealString());
        Assert.Throws<ArgumentException>(() => IpmiSecret.FromString(token));
    }
}
