using System.Text.Json.Serialization;
using BmcExporter.Redfish.Logs;

namespace BmcExporter.Redfish.Json;

/// <summary>Session login body (DSP0266 §13.3.4).</summary>
internal sealed record LoginBody(string UserName, string Password)
{
    public override string ToString() => $"login {UserName}";
}

/// <summary>Source-generated serialisation of the types the client writes: the login body and log cursors.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.Unspecified)]
[JsonSerializable(typeof(LoginBody))]
[JsonSerializable(typeof(RedfishLogCursor))]
internal sealed partial class RedfishJsonContext : JsonSerializerContext;
