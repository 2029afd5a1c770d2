using BmcExporter.Collectors;
using BmcExporter.Config;
using BmcExporter.Ipmi.Client;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;

namespace BmcExporter.Cli;

/// <summary>
/// The settings <see cref="ConfigProbeFacts"/> show to do nothing on one BMC, one sentence each naming the setting,
/// what the BMC showed and what to change. Pure: the same facts give the same warnings. A fact that was not observed
/// gives no warning (docs/configuration.md lists what cannot be observed); a check that could not run is a note
/// (<see cref="Notes"/>), not a warning, because it says nothing about the config. The workarounds <c>altbridging</c> (always
/// applied) and <c>ignoreauthcode</c> (no effect over IPMI 2.0) are not judged here: check-config warns about them
/// without a probe.
/// </summary>
internal static class ConfigProbeRules
{
    /// <summary>Cipher suites tried when the module's list opens no session, strongest first; 0 is never tried.</summary>
    public static IReadOnlyList<int> FallbackSuites { get; } = [17, 3, 16, 2, 15, 1];

    /// <summary>Every warning for <paramref name="module"/> from <paramref name="facts"/>, in a fixed order.</summary>
    public static IEnumerable<string> Warnings(ModuleConfig module, ConfigProbeFacts facts)
    {
        var m = $"modules.{module.Name}";
        foreach (var w in CipherSuites(module, facts, m))
        {
            yield return w;
        }

        if (facts.SessionFailure is IpmiPrivilegeException refused)
        {
            yield return $"{m}.privilege {Name(module.Privilege)} is above what this BMC grants user '{module.User}' ({refused.Message}); lower {m}.privilege (user is enough for every collector)";
        }
        else if (facts.GrantedPrivilege is { } granted && granted < module.Privilege)
        {
            yield return $"{m}.privilege {Name(module.Privilege)} has no effect on this BMC because the session runs at {Name(granted)} (Get Session Info); set {m}.privilege to {Name(granted)}";
        }

        foreach (var outcome in facts.Collectors.Where(o => o.Unsupported))
        {
            var name = ConfigName(module, outcome.Collector);
            yield return $"collector '{name}' does nothing on this BMC: {outcome.Error}; remove '{name}' from {m}.collectors";
            if (name == CollectorNames.Name(CollectorKind.SelEvents) && module.SelEvents.Count > 0)
            {
                yield return $"{m}.sel_events has no effect on this BMC because its SEL cannot be read (the sel-events collector is unsupported); remove sel_events and 'sel-events' from {m}.collectors";
            }
        }

        foreach (var w in Kg(module, facts, m))
        {
            yield return w;
        }

        foreach (var w in Workarounds(module, facts, m))
        {
            yield return w;
        }
    }

    /// <summary>Checks of <paramref name="module"/> the facts could not decide, one sentence each naming the check.</summary>
    public static IEnumerable<string> Notes(ModuleConfig module, ConfigProbeFacts facts)
    {
        if (facts.ListedSuites is not { Count: > 0 } && facts.ListedSuitesProblem is { } problem)
        {
            yield return $"modules.{module.Name}.cipher_suites not checked: {problem}";
        }
    }

    /// <summary>
    /// K_g (two-key login, IPMI v2.0 §13.31) where the BMC shows it does nothing or is needed. The status bit of Get
    /// Channel Authentication Capabilities is quoted, never trusted alone: with a K_g, only a login without it tells;
    /// without one, only a RAKP 4 mismatch after a right password together with the bit set.
    /// </summary>
    private static IEnumerable<string> Kg(ModuleConfig module, ConfigProbeFacts facts, string m)
    {
        var reported = facts.KgReportedSet switch
        {
            true => "; Get Channel Authentication Capabilities reports a K_g set",
            false => "; Get Channel Authentication Capabilities reports no K_g",
            null => string.Empty,
        };
        if (ConfigProbeObserver.HasKg(module) && facts.LoginWorksWithoutKg == true)
        {
            yield return facts.SessionFailure is IpmiAuthenticationException
                ? $"{m} K_g makes the login fail on this BMC: it has no K_g, so the login fails at RAKP 4 with it and succeeds without it{reported}; remove kg_file, kg_env or kg_hex from {m}"
                : $"{m} K_g has no effect on this BMC: a login without it succeeds too{reported}; remove kg_file, kg_env or kg_hex from {m}";
        }
        else if (!ConfigProbeObserver.HasKg(module) && facts.SessionFailure is IpmiAuthenticationException { Rakp4IntegrityMismatch: true } && facts.KgReportedSet == true)
        {
            yield return $"{m} needs a K_g on this BMC: the password is right (RAKP 2) but the session keys differ (RAKP 4){reported} (two-key login); set {m}.kg_file or kg_env to the BMC's key";
        }
    }

    private static IEnumerable<string> CipherSuites(ModuleConfig module, ConfigProbeFacts facts, string m)
    {
        if (facts.ListedSuites is not { Count: > 0 } listed)
        {
            yield break; // a note (Notes), not a warning
        }

        var list = $"[{string.Join(", ", listed)}]";
        if (facts.SessionFailure is IpmiCipherSuiteException && !module.CipherSuites.Any(listed.Contains))
        {
            var better = FallbackSuites.Where(listed.Contains).ToList();
            yield return $"{m}.cipher_suites [{string.Join(", ", module.CipherSuites)}]: none is offered by this BMC (Get Channel Cipher Suites lists {list}), so no session opens; set {m}.cipher_suites to suites it lists"
                + (better.Count > 0 ? $", e.g. [{string.Join(", ", better)}]" : string.Empty);
            yield break;
        }

        foreach (var id in module.CipherSuites.Where(id => !listed.Contains(id) && id != facts.NegotiatedSuite))
        {
            yield return $"{m}.cipher_suites: suite {id} is not offered by this BMC (Get Channel Cipher Suites lists {list}), so every login tries it in vain; remove {id} from {m}.cipher_suites";
        }
    }

    private static IEnumerable<string> Workarounds(ModuleConfig module, ConfigProbeFacts facts, string m)
    {
        var change = $"remove it from {m}.workarounds";
        if (module.HasWorkaround("nochecksumcheck") && facts.ChecksumsValid == true)
        {
            yield return $"workaround 'nochecksumcheck' has no effect on this BMC because its responses carry correct checksums (a session that checks them read Get Device ID); {change}";
        }

        if (module.HasWorkaround("intel20") && facts.LoginWorksWithoutIntel20 == true)
        {
            var maker = facts.Device is { } d ? $" (manufacturer {ManufacturerNames.Describe(d.ManufacturerId)})" : string.Empty;
            yield return $"workaround 'intel20' makes the login fail on this BMC{maker} because it does not hash RAKP 3 the Intel SE7520AF2 way: the login fails with it and succeeds without it; {change}";
        }

        if (module.HasWorkaround("ignorescanningdisabled") && facts.ScanningDisabled is { Read: > 0, ScanningDisabled: 0 } scan)
        {
            yield return $"workaround 'ignorescanningdisabled' has no effect on this BMC now because none of its {scan.Read} sensors read reports 'scanning disabled'; {change}";
        }

        if (module.HasWorkaround("assumesystemevent") && facts.SelRecordTypes is { Records: > 0, InvalidType: false } sel)
        {
            yield return $"workaround 'assumesystemevent' has no effect on this BMC now because none of its {sel.Records} SEL records has an invalid record type; {change}";
        }

        if (module.HasWorkaround("assumemaxsdrrecordcount") && facts.SdrEnd is { EndsAtFfff: true } sdr)
        {
            yield return $"workaround 'assumemaxsdrrecordcount' has no effect on this BMC because its SDR walk ends by itself (the last of its {sdr.Records} records points to FFFFh); {change}";
        }
    }

    /// <summary>The config name of the collector <paramref name="label"/> names (<c>ipmi</c> is <c>sensors</c>).</summary>
    private static string ConfigName(ModuleConfig module, string label) =>
        module.Collectors.Where(k => CollectorLabels.Of(k) == label).Select(CollectorNames.Name).FirstOrDefault() ?? label;

    private static string Name(PrivilegeLevel level) => level switch
    {
        PrivilegeLevel.Administrator => "admin",
        _ => level.ToString().ToLowerInvariant(),
    };
}
