using System.Collections.Immutable;

namespace BmcExporter.Redfish.Errors;

/// <summary>One message of a Redfish error or <c>@Message.ExtendedInfo</c> array (Message schema, DSP0266 §9.7.2).</summary>
public sealed record RedfishMessage(string? MessageId, string? Message, string? Severity, string? Resolution)
{
    public override string ToString() => MessageId is null ? Message ?? "" : $"{MessageId}: {Message}";
}

/// <summary>The <c>error</c> object of a Redfish error response.</summary>
public sealed record RedfishError(string? Code, string? Message, ImmutableArray<RedfishMessage> ExtendedInfo)
{
    public override string ToString()
    {
        var head = Code is null ? Message ?? "error" : $"{Code}: {Message}";
        return ExtendedInfo.IsDefaultOrEmpty ? head : $"{head} [{string.Join("; ", ExtendedInfo)}]";
    }
}
