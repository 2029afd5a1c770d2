using BmcExporter.Config;
using BmcExporter.Otlp.Proto.Resource;
using BmcExporter.Snapshots;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// One BMC as an OTLP <c>Resource</c>: <c>service.name</c>/<c>service.version</c> of the exporter, <c>host.name</c>
/// (the BMC address, the monitored host's identity as far as the exporter knows it), <c>bmc.target</c>
/// (<c>host:port</c>), <c>bmc.module</c> and the target's labels sorted by name.
/// </summary>
internal static class ResourceEncoder
{
    /// <summary>Writes the resource of <paramref name="snapshot"/> as the message field <paramref name="field"/>.</summary>
    public static void Write(ProtoBuffer w, int field, TargetSnapshot snapshot)
    {
        w.BeginMessage(field);
        WriteAttributes(w, snapshot);
        w.EndMessage();
    }

    /// <summary>The resource's fields alone (the body of a <c>Resource</c> message).</summary>
    public static void WriteAttributes(ProtoBuffer w, TargetSnapshot snapshot)
    {
        const int attributes = Resource.AttributesFieldNumber;
        var host = snapshot.Target;
        if (HostPort.TryParse(snapshot.Target, TargetConfig.DefaultPort, out var h, out _, out _))
        {
            host = h;
        }

        OtlpFields.Attribute(w, attributes, "service.name", HwConventions.ServiceName);
        OtlpFields.Attribute(w, attributes, "service.version", OtlpFields.ScopeVersion);
        OtlpFields.Attribute(w, attributes, "host.name", host);
        OtlpFields.Attribute(w, attributes, "bmc.target", snapshot.Target);
        OtlpFields.Attribute(w, attributes, "bmc.module", snapshot.Module);
        foreach (var (key, value) in snapshot.Labels.OrderBy(l => l.Key, StringComparer.Ordinal))
        {
            OtlpFields.Attribute(w, attributes, key, value);
        }
    }
}
