using BmcExporter.Otlp.Proto.Common;

namespace BmcExporter.Otlp.Wire;

/// <summary>
/// Writes the OTLP common messages (<c>KeyValue</c>, <c>AnyValue</c>, <c>InstrumentationScope</c>) with the field
/// numbers of the generated classes, so the hand-written encoders and the .proto files cannot drift apart.
/// </summary>
internal static class OtlpFields
{
    /// <summary>A <c>KeyValue</c> with a string <c>AnyValue</c> as field <paramref name="field"/>.</summary>
    public static void Attribute(ProtoBuffer w, int field, string key, string value)
    {
        w.BeginMessage(field);
        w.WriteString(KeyValue.KeyFieldNumber, key);
        w.BeginMessage(KeyValue.ValueFieldNumber);
        w.WriteString(AnyValue.StringValueFieldNumber, value);
        w.EndMessage();
        w.EndMessage();
    }

    /// <summary>A <c>KeyValue</c> with an int <c>AnyValue</c>.</summary>
    public static void Attribute(ProtoBuffer w, int field, string key, long value)
    {
        w.BeginMessage(field);
        w.WriteString(KeyValue.KeyFieldNumber, key);
        w.BeginMessage(KeyValue.ValueFieldNumber);
        w.WriteInt64(AnyValue.IntValueFieldNumber, value);
        w.EndMessage();
        w.EndMessage();
    }

    /// <summary>The <c>InstrumentationScope</c> of everything the exporter sends about BMCs.</summary>
    public static void Scope(ProtoBuffer w, int field)
    {
        w.BeginMessage(field);
        w.WriteString(InstrumentationScope.NameFieldNumber, HwConventions.ScopeName);
        w.WriteString(InstrumentationScope.VersionFieldNumber, ScopeVersion);
        w.EndMessage();
    }

    /// <summary>The exporter's version (scope and <c>service.version</c>).</summary>
    public static string ScopeVersion { get; } = typeof(OtlpFields).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    /// <summary>Nanoseconds since the Unix epoch (OTLP <c>time_unix_nano</c>).</summary>
    public static ulong UnixNanos(DateTimeOffset time) =>
        (ulong)Math.Max(0, time.UtcTicks - DateTimeOffset.UnixEpoch.UtcTicks) * 100UL;
}
