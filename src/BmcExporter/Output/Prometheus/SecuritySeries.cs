using System.Globalization;
using BmcExporter.Ipmi.Commands;
using BmcExporter.Snapshots;

namespace BmcExporter.Output.Prometheus;

/// <summary>Series of the security collector; a check that could not be made has no series.</summary>
internal static class SecuritySeries
{
    public static void Write(SampleSink sink, TargetSnapshot snapshot)
    {
        if (snapshot.Security is not { } security)
        {
            return;
        }

        foreach (var suite in security.SupportedCipherSuites ?? [])
        {
            sink.Add(MetricNames.SecurityCipherSuiteSupported, 1, suite.ToString(CultureInfo.InvariantCulture));
        }

        if (security.CipherSuiteZeroAccepted is { } suite0)
        {
            sink.Add(MetricNames.SecurityCipherSuiteZeroAccepted, suite0 ? 1 : 0);
        }

        if (security.Channel is { } channel)
        {
            sink.Add(MetricNames.SecurityAnonymousLogin, channel.AnonymousLogin ? 1 : 0);
            sink.Add(MetricNames.SecurityNullUser, channel.NullUsers ? 1 : 0);
            foreach (var (type, name) in ChannelSecurityFlags.AuthTypeNames)
            {
                sink.Add(MetricNames.SecurityIpmi15AuthType, (channel.AuthTypes & type) != 0 ? 1 : 0, name);
            }

            sink.Add(MetricNames.SecurityPerMessageAuthDisabled, channel.PerMessageAuthDisabled ? 1 : 0);
            sink.Add(MetricNames.SecurityUserLevelAuthDisabled, channel.UserLevelAuthDisabled ? 1 : 0);
        }

        foreach (var finding in security.DefaultPasswords ?? [])
        {
            sink.Add(MetricNames.SecurityDefaultPasswordExposed, finding.Exposed ? 1 : 0, finding.User);
        }

        if (security.GrantedPrivilege is { } granted)
        {
            sink.Add(MetricNames.SecuritySessionPrivilege, 1, SecuritySample.PrivilegeName(security.RequestedPrivilege), SecuritySample.PrivilegeName(granted));
        }

        sink.Add(MetricNames.SecurityLastCheck, security.ReadAt.ToUnixTimeMilliseconds() / 1000.0);
    }
}
