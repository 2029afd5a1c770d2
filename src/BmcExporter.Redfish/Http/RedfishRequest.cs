namespace BmcExporter.Redfish.Http;

/// <summary>One HTTP exchange to send: method, path (with query), optional auth header, ETag and JSON body.</summary>
internal sealed record RedfishRequest(HttpMethod Method, string Path)
{
    /// <summary>Header name and value that authenticate the request (X-Auth-Token or Authorization), or null.</summary>
    public (string Name, string Value)? Auth { get; init; }

    public string? IfNoneMatch { get; init; }

    public byte[]? JsonBody { get; init; }

    /// <summary>For messages: method and path, no header values.</summary>
    public override string ToString() => $"{Method} {Path}";
}
