using BmcExporter.Config;
using BmcExporter.Ipmi;
using BmcExporter.Ipmi.Client.Operations;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Ipmi.Session;
using BmcExporter.Snapshots;

namespace BmcExporter.Collectors;

public sealed partial class SecurityCollector
{
    private static async Task<IReadOnlyList<int>?> ReadCipherSuitesAsync(IIpmiChannel channel, CancellationToken cancellationToken) =>
        (await channel.GetChannelCipherSuitesAsync(cancellationToken).ConfigureAwait(false)).Select(r => (int)r.Id).Distinct().Order().ToList();

    private static async Task<SessionInfo> ReadSessionInfoAsync(IIpmiChannel channel, CancellationToken cancellationToken) =>
        await channel.GetSessionInfoAsync(cancellationToken).ConfigureAwait(false);

    /// <summary>
    /// The default-password check (CVE-2013-4786 method): one RAKP 2 capture per distinct user of the list, with
    /// the first cipher suite of the module that authenticates (one the BMC lists, when known), then every listed
    /// password of that user tested offline. No login is completed.
    /// </summary>
    private async Task<IReadOnlyList<DefaultPasswordFinding>?> CheckDefaultPasswordsAsync(
        CollectContext context, SecurityConfig config, IReadOnlyList<int>? listed, CancellationToken cancellationToken)
    {
        var suite = CaptureSuite(context.Target.Module.CipherSuites, listed)
            ?? throw new CollectorUnsupportedException("no cipher suite with authentication in the module's cipher_suites");
        var findings = new List<DefaultPasswordFinding>();
        foreach (var group in config.DefaultCredentials.GroupBy(c => c.User, StringComparer.Ordinal))
        {
            var capture = await _prober.CaptureRakp2Async(context.Target, suite, group.Key, context.Time, cancellationToken).ConfigureAwait(false);
            findings.Add(new DefaultPasswordFinding(group.Key, capture.HasCode, group.Any(c => capture.Matches(c.Password))));
        }

        return findings;
    }

    private static CipherSuite? CaptureSuite(IReadOnlyList<int> preference, IReadOnlyList<int>? listed)
    {
        CipherSuite? fallback = null;
        foreach (var id in preference)
        {
            if (!CipherSuite.TryGet((byte)id, out var suite) || suite.Authentication == Ipmi.Crypto.AuthenticationAlgorithm.None)
            {
                continue;
            }

            if (listed is null || listed.Contains(id))
            {
                return suite;
            }

            fallback ??= suite;
        }

        return fallback;
    }
}
