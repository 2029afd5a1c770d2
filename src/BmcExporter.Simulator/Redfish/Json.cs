using System.Text.Json.Nodes;

namespace BmcExporter.Simulator.Redfish;

/// <summary>Small builders for Redfish JSON: links, collections, Status objects.</summary>
internal static class Json
{
    public static JsonObject Link(string path) => new() { ["@odata.id"] = path };

    public static JsonArray Links(IEnumerable<string> paths) => [.. paths.Select(p => (JsonNode)Link(p))];

    public static JsonObject Resource(string path, string type, string id, string name) => new()
    {
        ["@odata.id"] = path,
        ["@odata.type"] = type,
        ["Id"] = id,
        ["Name"] = name,
    };

    /// <summary>A resource collection (DSP0266 §9.6): Members as links and Members@odata.count.</summary>
    public static JsonObject Collection(string path, string type, string name, IEnumerable<string> members)
    {
        var links = Links(members);
        return new JsonObject
        {
            ["@odata.id"] = path,
            ["@odata.type"] = type,
            ["Name"] = name,
            ["Members@odata.count"] = links.Count,
            ["Members"] = links,
        };
    }

    public static JsonObject Status(SimHealth? health, string state = "Enabled", SimHealth? rollup = null)
    {
        var status = new JsonObject { ["State"] = state };
        if (health is { } h)
        {
            status["Health"] = h.ToString();
        }

        if (rollup is { } r)
        {
            status["HealthRollup"] = r.ToString();
        }

        return status;
    }

    public static JsonNode? Number(double? value) => value is { } v ? JsonValue.Create(v) : null;

    /// <summary>A Redfish error body (DSP0266 §9.7.2) with one @Message.ExtendedInfo entry.</summary>
    public static JsonObject Error(string messageId, string message, string resolution = "None.") => new()
    {
        ["error"] = new JsonObject
        {
            ["code"] = messageId,
            ["message"] = message,
            ["@Message.ExtendedInfo"] = new JsonArray(new JsonObject
            {
                ["@odata.type"] = "#Message.v1_1_1.Message",
                ["MessageId"] = messageId,
                ["Message"] = message,
                ["MessageSeverity"] = "Critical",
                ["Resolution"] = resolution,
            }),
        },
    };
}
