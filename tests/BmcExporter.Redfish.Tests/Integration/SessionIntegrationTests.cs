using BmcExporter.Redfish.Errors;
using BmcExporter.Simulator.Redfish;
using Microsoft.Extensions.Time.Testing;

namespace BmcExporter.Redfish.Tests.Integration;

/// <summary>TLS trust, session login/re-login/logout and Basic fallback against the simulator.</summary>
public sealed class SessionIntegrationTests
{
    [Fact]
    public async Task Get_NoCaFile_UntrustedCertificateIsTypedTlsError()
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options() with { CaFile = null });
        var ex = await Assert.ThrowsAsync<RedfishTlsException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("ca_file", ex.Message, StringComparison.Ordinal);
        Assert.Contains("insecure", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_InsecureSwitch_NeededAndSufficientForUntrustedCertificate()
    {
        await using var fleet = await TestFleet.StartAsync();
        var options = fleet.Options() with { CaFile = null, Insecure = true };
        Assert.True(options.IsInsecure);
        await using var session = RedfishSession.Create(options);
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        Assert.NotEmpty(readings.Sensors);
    }

    [Fact]
    public async Task Get_CaFileOfAnotherCa_Refused()
    {
        await using var fleet = await TestFleet.StartAsync();
        using var other = RedfishCertificates.Generate(TimeProvider.System);
        var otherCa = Path.Combine(fleet.Directory, "other-ca.pem");
        other.WriteCaFile(otherCa);
        await using var session = RedfishSession.Create(fleet.Options() with { CaFile = otherCa });
        var ex = await Assert.ThrowsAsync<RedfishTlsException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("ca_file", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_HostNameNotInCertificate_RefusedEvenWithTheCa()
    {
        // The certificate names 127.0.0.1, ::1 and localhost; a BMC on 127.0.0.2 presents it under another address.
        await using var fleet = await TestFleet.StartAsync(bind: System.Net.IPAddress.Parse("127.0.0.2"));
        await using var session = RedfishSession.Create(fleet.Options());
        var ex = await Assert.ThrowsAsync<RedfishTlsException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Contains("does not name this host", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Get_Ipv6Loopback_TrustedThroughTheCaFile()
    {
        await using var fleet = await TestFleet.StartAsync(bind: System.Net.IPAddress.IPv6Loopback);
        Assert.StartsWith("https://[::1]:", fleet.BaseUri().ToString(), StringComparison.Ordinal);
        await using var session = RedfishSession.Create(fleet.Options());
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        Assert.Equal(27, readings.Sensors.Length);
    }

    [Fact]
    public void Create_MissingCaFile_FailsAtStartWithTheFileNamed()
    {
        var options = new RedfishClientOptions
        {
            BaseUri = new Uri("https://127.0.0.1:1"),
            UserName = "u",
            Password = RedfishSecret.FromString("p"),
            CaFile = "/nonexistent/ca.pem",
        };
        var ex = Assert.Throws<ArgumentException>(() => RedfishSession.Create(options));
        Assert.Contains("/nonexistent/ca.pem", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Session_KeptAcrossScrapes_KeepAliveConnections_LoggedOutOnDispose()
    {
        await using var fleet = await TestFleet.StartAsync();
        var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        for (var i = 0; i < 3; i++)
        {
            await reader.ReadReadingsAsync(CancellationToken.None);
        }

        Assert.Equal(RedfishAuthMode.Session, session.ActiveAuth);
        Assert.Equal(1, session.Statistics.Logins);
        Assert.Equal(1, fleet.Server.Logins);
        Assert.InRange(fleet.Server.Connections, 1, session.Options.MaxRequestsInFlight); // keep-alive: no connection per request
        Assert.True(fleet.Server.Requests > 20);
        await session.DisposeAsync();
        Assert.Equal(1, fleet.Server.Logouts);
        Assert.Equal(1, session.Statistics.Deletes);
    }

    [Fact]
    public async Task Session_ExpiredOnTheBmc_ReloginOnceAndRead()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { SessionTimeout = TimeSpan.FromMinutes(5) }, time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        await reader.ReadReadingsAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(6));
        var readings = await reader.ReadReadingsAsync(CancellationToken.None);

        Assert.NotEmpty(readings.Sensors);
        Assert.Equal(2, session.Statistics.Logins);
        Assert.Equal(2, fleet.Server.Logins);
    }

    [Fact]
    public async Task Session_FixedLifetimeFault_ReloginKeepsScrapesWorking()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.Zero));
        var fault = new RedfishFaultRule { SessionLifetime = TimeSpan.FromSeconds(60) };
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Faults = [fault] }, time: time);
        await using var session = RedfishSession.Create(fleet.Options());
        var reader = new RedfishReader(session);
        for (var i = 0; i < 3; i++)
        {
            await reader.ReadReadingsAsync(CancellationToken.None);
            time.Advance(TimeSpan.FromSeconds(61));
        }

        Assert.Equal(3, session.Statistics.Logins);
    }

    [Fact]
    public async Task Session_NoSessionService_FallsBackToBasic()
    {
        await using var fleet = await TestFleet.StartAsync(new RedfishServerOptions { Sessions = false });
        await using var session = RedfishSession.Create(fleet.Options());
        var readings = await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);

        Assert.NotEmpty(readings.Sensors);
        Assert.Equal(RedfishAuthMode.Basic, session.ActiveAuth);
        Assert.NotNull(session.BasicFallbackReason);
        Assert.Equal(0, fleet.Server.Logins);
    }

    [Fact]
    public async Task Session_BasicMode_NeverCreatesASession()
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options() with { AuthMode = RedfishAuthMode.Basic });
        await new RedfishReader(session).ReadReadingsAsync(CancellationToken.None);
        Assert.Equal(RedfishAuthMode.Basic, session.ActiveAuth);
        Assert.Equal(0, fleet.Server.Logins);
        Assert.Equal(0, session.Statistics.Posts);
    }

    [Theory]
    [InlineData(RedfishAuthMode.Session)]
    [InlineData(RedfishAuthMode.Basic)]
    public async Task Session_WrongPassword_TypedAuthenticationErrorWithoutThePassword(RedfishAuthMode mode)
    {
        await using var fleet = await TestFleet.StartAsync();
        await using var session = RedfishSession.Create(fleet.Options() with { Password = RedfishSecret.FromString("wrong-secret-xyz"), AuthMode = mode });
        var ex = await Assert.ThrowsAsync<RedfishAuthenticationException>(() => new RedfishReader(session).ReadReadingsAsync(CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, ex.StatusCode);
        Assert.DoesNotContain("wrong-secret-xyz", ex.ToString(), StringComparison.Ordinal);
        Assert.NotNull(ex.Error);
    }

    [Fact]
    public void Options_ToString_HidesThePassword()
    {
        var options = new RedfishClientOptions { BaseUri = new Uri("https://bmc:443"), UserName = "u", Password = RedfishSecret.FromString("hunter2") };
        Assert.DoesNotContain("hunter2", options.ToString(), StringComparison.Ordinal);
        Assert.Equal("***", options.Password.ToString());
        Assert.Equal(options, options with { Password = RedfishSecret.FromString("hunter2") });
        Assert.NotEqual(options, options with { Password = RedfishSecret.FromString("other") });
    }

    [Theory]
    [InlineData("http://bmc")]
    [InlineData("ftp://bmc")]
    public void Options_NotHttps_Refused(string uri)
    {
        var options = new RedfishClientOptions { BaseUri = new Uri(uri), UserName = "u", Password = RedfishSecret.FromString("p") };
        Assert.Throws<ArgumentException>(() => RedfishSession.Create(options));
    }
}
