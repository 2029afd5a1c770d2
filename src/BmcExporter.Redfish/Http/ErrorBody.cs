using System.Collections.Immutable;
using BmcExporter.Redfish.Errors;
using BmcExporter.Redfish.Json;

namespace BmcExporter.Redfish.Http;

/// <summary>Decodes the Redfish error object of an error response (DSP0266 §9.7.2); anything else gives null.</summary>
internal static class ErrorBody
{
    public static RedfishError? TryParse(RedfishResponse response, ResourceContext context)
    {
        if (!response.IsJson || response.Body.IsEmpty)
        {
            return null;
        }

        try
        {
            var root = DocumentParser.Parse(response.Body, context);
            if (root.Object("error") is not { } error)
            {
                return null;
            }

            var info = error.Objects("@Message.ExtendedInfo")
                .Select(m => new RedfishMessage(m.String("MessageId"), m.String("Message"), m.String("MessageSeverity") ?? m.String("Severity"), m.String("Resolution")))
                .ToImmutableArray();
            return new RedfishError(error.String("code"), error.String("message"), info);
        }
        catch (RedfishProtocolException)
        {
            // A malformed error body must not hide the status code: the caller reports the status alone.
            return null;
        }
    }
}
