using BmcExporter.Config;
using BmcExporter.Snapshots;
using OpenTelemetry.Resources;

namespace BmcExporter.Otlp;

/// <summary>The OTLP resource of one BMC, and the exporter options of its pipelines.</summary>
internal static class OtlpResource
{
    public const string ScopeName = "BmcExporter.Hardware";
    public const string ServiceName = "bmc-exporter";

    public static string ScopeVersion { get; } =
        typeof(OtlpResource).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>What the resource is built from; a change (reload) rebuilds the target's pipelines.</summary>
    public static string IdentityOf(TargetSnapshot s) =>
        s.Module + "\n" + string.Join("\n", s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key}={l.Value}"));

    /// <summary>
    /// One resource per BMC: <c>host.name</c> is the BMC address (the monitored host's identity as far as
    /// the exporter knows it), plus the target key, module and the configured labels.
    /// </summary>
    public static ResourceBuilder For(TargetSnapshot s)
    {
        var host = s.Target;
        if (HostPort.TryParse(s.Target, TargetConfig.DefaultPort, out var h, out _, out _))
        {
            host = h;
        }

        var attributes = new List<KeyValuePair<string, object>>
        {
            new("host.name", host),
            new("bmc.target", s.Target),
            new("bmc.module", s.Module),
        };
        attributes.AddRange(s.Labels.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => new KeyValuePair<string, object>(l.Key, l.Value)));
        return ResourceBuilder.CreateEmpty()
            .AddService(ServiceName, serviceVersion: ScopeVersion, autoGenerateServiceInstanceId: false)
            .AddAttributes(attributes);
    }
}
