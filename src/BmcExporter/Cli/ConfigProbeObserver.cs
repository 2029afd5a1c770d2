using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Sensors;
using BmcExporter.Sessions;
using BmcExporter.Snapshots;
using BmcExporter.State;

namespace BmcExporter.Cli;

/// <summary>
/// Gathers <see cref="ConfigProbeFacts"/> for one target with the client's own operations (Get Channel Cipher Suites,
/// Get Session Info and Get Device ID as the security and bmc collectors send them; the SEL and sensor readers) and,
/// for a workaround flag or a K_g, one extra short-lived session without it, so what the setting changes is seen
/// rather than guessed. Only what the module's settings need is asked; a failed question leaves its fact unknown.
/// </summary>
internal sealed class ConfigProbeObserver(IBmcSessionFactory factory, ISecurityProber prober, TargetStateStore state, TimeProvider time)
{
    /// <summary>Facts over the open session of the module's own settings, after the scrape.</summary>
    public async Task<ConfigProbeFacts> ObserveAsync(ScrapeTarget target, IBmcSession session, ConfigProbeFacts facts, CancellationToken cancellationToken)
    {
        var module = target.Module;
        var channel = session.Channel;
        var (listed, problem) = await ListSuitesAsync(channel, cancellationToken).ConfigureAwait(false);
        facts = facts with
        {
            NegotiatedSuite = session.CipherSuite,
            ListedSuites = listed,
            ListedSuitesProblem = problem,
            GrantedPrivilege = await TryAsync(async () => (Ipmi.Session.PrivilegeLevel?)(await channel.GetSessionInfoAsync(cancellationToken).ConfigureAwait(false)).Privilege, cancellationToken).ConfigureAwait(false),
            Device = await TryAsync(async () => await channel.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false),
        };

        if (HasKg(module))
        {
            facts = facts with
            {
                LoginWorksWithoutKg = await LoginWithoutKgAsync(target, cancellationToken).ConfigureAwait(false),
                KgReportedSet = await ReportedKgAsync(target, cancellationToken).ConfigureAwait(false),
            };
        }

        if (module.HasWorkaround("nochecksumcheck"))
        {
            // A session that checks checksums drops a reply whose checksum is wrong: Get Device ID then times out.
            var strict = Without(module, "nochecksumcheck") with { Retries = 0 };
            facts = facts with { ChecksumsValid = await TryAsync(() => WithSessionAsync(target, strict, async c => (bool?)((await c.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false)) is not null), cancellationToken), cancellationToken).ConfigureAwait(false) ?? false };
        }

        var sdr = state.GetSdrCache(target.Key) is { Walk.Complete: true } cached ? cached.Walk : null;
        if (sdr is { Records.Count: > 0 } && module.HasWorkaround("assumemaxsdrrecordcount"))
        {
            facts = facts with { SdrEnd = (sdr.Records.Count, sdr.Records[^1].NextRecordId == GetRecordRequest.Last) };
        }

        if (sdr is not null && module.HasWorkaround("ignorescanningdisabled") && module.HasCollector(CollectorKind.Sensors))
        {
            facts = facts with { ScanningDisabled = await TryAsync(() => ReadScanningAsync(channel, module, sdr, cancellationToken), cancellationToken).ConfigureAwait(false) };
        }

        if (module.HasWorkaround("assumesystemevent") && (module.HasCollector(CollectorKind.Sel) || module.HasCollector(CollectorKind.SelEvents)))
        {
            facts = facts with { SelRecordTypes = await TryAsync(() => ReadSelTypesAsync(channel, cancellationToken), cancellationToken).ConfigureAwait(false) };
        }

        return facts;
    }

    /// <summary>
    /// Facts when no session with the module's own settings opened: with no cipher suite accepted, the suites the BMC
    /// lists (over a session with <see cref="ConfigProbeRules.FallbackSuites"/>); with a refused login and
    /// <c>intel20</c>, whether a login without it works.
    /// </summary>
    public async Task<ConfigProbeFacts> ObserveFailureAsync(ScrapeTarget target, ConfigProbeFacts facts, CancellationToken cancellationToken)
    {
        var module = target.Module;
        if (facts.SessionFailure is IpmiCipherSuiteException)
        {
            var fallback = module with { CipherSuites = ConfigProbeRules.FallbackSuites, AllowCipherSuite0 = false };
            try
            {
                var (listed, problem) = await WithSessionAsync(target, fallback, c => ListSuitesAsync(c, cancellationToken), cancellationToken).ConfigureAwait(false);
                return facts with { ListedSuites = listed, ListedSuitesProblem = problem };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                return facts with { ListedSuitesProblem = $"no session with any of the suites [{string.Join(", ", fallback.CipherSuites)}] either ({ErrorClassifier.DescribeSessionFailure(ex)})" };
            }
        }

        if (facts.SessionFailure is IpmiAuthenticationException refused)
        {
            // With a K_g: does the login work without it? Without one: a RAKP 4 mismatch after a right password is
            // what a BMC with a K_g gives a console that has none (IPMI v2.0 §13.31); ask what the BMC reports.
            if (HasKg(module))
            {
                facts = facts with { LoginWorksWithoutKg = await LoginWithoutKgAsync(target, cancellationToken).ConfigureAwait(false) };
            }

            if (HasKg(module) || refused.Rakp4IntegrityMismatch)
            {
                facts = facts with { KgReportedSet = await ReportedKgAsync(target, cancellationToken).ConfigureAwait(false) };
            }
        }

        if (module.HasWorkaround("intel20") && ErrorClassifier.IsAuthentication(facts.SessionFailure!) && facts.SessionFailure is not IpmiPrivilegeException)
        {
            var device = await TryAsync(() => WithSessionAsync(target, Without(module, "intel20"), async c => (DeviceIdInfo?)await c.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false), cancellationToken), cancellationToken).ConfigureAwait(false);
            return facts with { LoginWorksWithoutIntel20 = device is not null, Device = device };
        }

        return facts;
    }

    /// <summary>A K_g that takes part in the keys: an all-zero K_g means the password is used (IPMI v2.0 §13.31).</summary>
    internal static bool HasKg(ModuleConfig module) => module.Kg is { IsAllZero: false };

    /// <summary><c>true</c> when a session without the module's K_g reads Get Device ID; unknown (<c>null</c>) otherwise.</summary>
    private async Task<bool?> LoginWithoutKgAsync(ScrapeTarget target, CancellationToken cancellationToken)
    {
        var withoutKg = target.Module with { Kg = null, Retries = 0 };
        return await TryAsync(() => WithSessionAsync(target, withoutKg, async c => (bool?)((await c.GetDeviceIdAsync(cancellationToken).ConfigureAwait(false)) is not null), cancellationToken), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The K_g status bit of pre-session Get Channel Authentication Capabilities at the module's privilege.</summary>
    private async Task<bool?> ReportedKgAsync(ScrapeTarget target, CancellationToken cancellationToken) =>
        await TryAsync(
            async () =>
            {
                var answers = await prober.AuthCapabilitiesAsync(target, [target.Module.Privilege], time, cancellationToken).ConfigureAwait(false);
                return answers.Count > 0 ? (bool?)answers[0].KgEnabled : null;
            },
            cancellationToken).ConfigureAwait(false);

    private static ModuleConfig Without(ModuleConfig module, string workaround) =>
        module with { Workarounds = module.Workarounds.Where(w => w != workaround).ToHashSet(StringComparer.Ordinal) };

    private async Task<T> WithSessionAsync<T>(ScrapeTarget target, ModuleConfig module, Func<IIpmiChannel, Task<T>> read, CancellationToken cancellationToken)
    {
        var session = await factory.OpenAsync(target with { Module = module }, cancellationToken).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            return await read(session.Channel).ConfigureAwait(false);
        }
    }

    private static async Task<(IReadOnlyList<int>? Listed, string? Problem)> ListSuitesAsync(IIpmiChannel channel, CancellationToken cancellationToken)
    {
        try
        {
            var records = await channel.GetChannelCipherSuitesAsync(cancellationToken).ConfigureAwait(false);
            var ids = records.Select(r => (int)r.Id).Distinct().Order().ToList();
            return ids.Count > 0 ? (ids, null) : (null, "Get Channel Cipher Suites listed no suite");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return (null, $"Get Channel Cipher Suites failed: {ErrorClassifier.Describe(ex)}");
        }
    }

    /// <summary>Every sensor the module reads, read once as the sensors collector would without <c>ignorescanningdisabled</c>.</summary>
    private static async Task<(int, int)?> ReadScanningAsync(IIpmiChannel channel, ModuleConfig module, SdrWalkState sdr, CancellationToken cancellationToken)
    {
        var sensors = ConfigProbe.Decode(sdr, module).Where(s => !s.IsEventOnly && module.Sensors.Allows(s.Name, s.SensorType, s.RecordId));
        var options = new SensorReadOptions
        {
            BridgeForeignSensors = module.BridgeSensors,
            AssumeBmcOwner = module.HasWorkaround("assumebmcowner"),
            Interpretation = new SensorInterpretOptions { DiscreteReading = module.HasWorkaround("discretereading") },
        };
        var readings = await SensorReader.ReadAllAsync(channel, sensors, options, cancellationToken).ConfigureAwait(false);
        return (readings.Count, readings.Count(r => r.ScanningDisabled));
    }

    /// <summary>The whole SEL read without <c>assumesystemevent</c>: a record of an invalid type is then malformed.</summary>
    private async Task<(int, bool)?> ReadSelTypesAsync(IIpmiChannel channel, CancellationToken cancellationToken)
    {
        var result = await SelReader.ReadAsync(channel, null, SelReadOptions.Default with { TimeProvider = time, AssumeSystemEvent = false }, cancellationToken).ConfigureAwait(false);
        return (result.Records.Count, result.MalformedCount > 0 || result.StopReason is not null);
    }

    /// <summary>Runs one question; any failure but the caller's cancellation leaves the fact unknown (<c>null</c>).</summary>
    private static async Task<T?> TryAsync<T>(Func<Task<T?>> question, CancellationToken cancellationToken)
    {
        try
        {
            return await question().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return default;
        }
    }
}
