using BmcExporter.Collectors;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Crypto;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.Tests.Output;
using Microsoft.Extensions.Logging.Abstractions;

namespace BmcExporter.Tests.Security;

/// <summary>Failed logins on the simulator become Session Audit SEL entries, counted by the sel collector.</summary>
public sealed class SessionAuditIntegrationTests
{
    [Fact]
    public async Task SelCollector_AfterFailedLogins_CountsSessionAuditByEvent()
    {
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile());
        var target = fleet.Target();
        var wrong = IpmiSessionFactory.CreateOptions(target, TimeProvider.System) with { Password = IpmiSecret.FromString("wrong-password") };
        var unknown = wrong with { UserName = "nobody" };
        await Assert.ThrowsAsync<IpmiAuthenticationException>(async () => await IpmiSession.OpenAsync(wrong, CancellationToken.None));
        await Assert.ThrowsAsync<IpmiUnknownUserException>(async () => await IpmiSession.OpenAsync(unknown, CancellationToken.None));

        var (snapshot, text) = await CollectSelAsync(target);

        var audit = snapshot.NewSelEvents.Where(e => e.Security is not null).Select(e => e.Security!.Value).ToList();
        Assert.Equal(2, audit.Count);
        Assert.All(audit, a => Assert.Equal("invalid_username_or_password", a.Event));
        Assert.Equal([2, 0], audit.Select(a => (int)a.UserId!.Value)); // the reader (user 2), then an unknown name (0)
        Assert.All(audit, a => Assert.Equal((byte)1, a.Channel));
        Assert.Contains("ipmi_sel_session_audit_total{event=\"invalid_username_or_password\"} 2\n", text, StringComparison.Ordinal);
        Assert.Empty(await Promtool.LintAsync(text));
    }

    [Fact]
    public async Task SelCollector_PlatformSecurityViolationEntries_CountedByEvent()
    {
        // Sensor type 0x06 (Platform Security Violation Attempt, IPMI v2.0 table 42-3), sensor-specific offsets 05h
        // (out-of-band access password violation, twice) and 00h (secure mode violation).
        await using var fleet = await SecurityFleet.StartAsync(SecurityFleet.Profile(extra: """
            sel:
              capacity: 64
              initial:
                - { sensor: Security, offset: 5, ageSeconds: 600 }
                - { sensor: Security, offset: 5, ageSeconds: 500 }
                - { sensor: Security, offset: 0, ageSeconds: 400 }
            """).Replace("sensors:\n", "sensors:\n  - { name: Security, type: 0x06, record: eventOnly, entity: 0x07 }\n", StringComparison.Ordinal));
        var target = fleet.Target();
        var (snapshot, text) = await CollectSelAsync(target);

        Assert.Contains("ipmi_sel_security_violation_total{event=\"out_of_band_password_violation\"} 2\n", text, StringComparison.Ordinal);
        Assert.Contains("ipmi_sel_security_violation_total{event=\"secure_mode_violation\"} 1\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ipmi_sel_session_audit_total", text, StringComparison.Ordinal);
        Assert.Empty(await Promtool.LintAsync(text));
    }

    /// <summary>One SEL collection from <paramref name="target"/> over a fresh session, rendered as <c>/ipmi</c> would.</summary>
    private static async Task<(TargetSnapshot Snapshot, string Text)> CollectSelAsync(ScrapeTarget target)
    {
        await using var session = await IpmiSession.OpenAsync(IpmiSessionFactory.CreateOptions(target, TimeProvider.System), CancellationToken.None);
        var builder = new SnapshotBuilder(target.Address, "default", new Dictionary<string, string>(), ["sel"], TimeProvider.System);
        var stats = new TargetStats();
        await new SelCollector().CollectAsync(
            new CollectContext
            {
                Target = target,
                Channel = session,
                Builder = builder,
                State = new BmcExporter.State.TargetStateStore(null, NullLogger.Instance),
                Stats = stats,
                Time = TimeProvider.System,
                Logger = NullLogger.Instance,
            },
            CancellationToken.None);
        var snapshot = builder.Build("pending");
        stats.RecordSelEvents(snapshot.NewSelEvents);
        return (snapshot, Render.Ipmi(snapshot, stats));
    }
}
