using System.Net;

namespace BmcExporter.Redfish.Http;

/// <summary>The parts of an HTTP response the client uses; the body is read completely (bounded).</summary>
internal sealed class RedfishResponse
{
    public required HttpStatusCode Status { get; init; }

    public required ReadOnlyMemory<byte> Body { get; init; }

    /// <summary>Content-Type media type without parameters, or null.</summary>
    public string? MediaType { get; init; }

    public string? ETag { get; init; }

    /// <summary>X-Auth-Token of a session login response (DSP0266 §13.3.4).</summary>
    public string? AuthToken { get; init; }

    /// <summary>Location header (the session URI after login).</summary>
    public string? Location { get; init; }

    /// <summary>Retry-After as a delay, or null when absent or unparsable.</summary>
    public TimeSpan? RetryAfter { get; init; }

    public bool IsJson => MediaType is not null && (MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
        || MediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
}
